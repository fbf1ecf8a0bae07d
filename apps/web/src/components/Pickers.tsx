import { useMemo } from 'react';
import { Select, TreeSelect, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Domain } from '../lib/api';
import { placeTree, useJurisdictions, useUnits } from '../lib/directory';

interface UnitPickerProps {
  value?: string;
  onChange?: (v: string | undefined) => void;
  /** Units whose remit covers this domain come first, as suggestions. */
  domain?: Domain;
  /** Units that may not receive the petition (those an accusation accuses). */
  exclude?: readonly string[];
  /** What an excluded unit's option says (default: it cannot receive the petition). */
  excludedTitle?: string;
  id?: string;
  allowClear?: boolean;
  placeholder?: string;
  'aria-label'?: string;
}

export function UnitPicker({ value, onChange, domain, exclude, excludedTitle, id, allowClear, placeholder, ...rest }: UnitPickerProps) {
  const { t } = useTranslation();
  const [units, loading] = useUnits();
  const options = useMemo((): SelectProps['options'] => {
    const active = units.filter((u) => u.active);
    const option = (u: (typeof units)[number]) => ({
      value: u.id,
      label: u.name,
      disabled: exclude?.includes(u.id) ?? false,
      title: exclude?.includes(u.id) ? (excludedTitle ?? t('fields.accused')) : u.name,
    });
    const suggested = domain ? active.filter((u) => u.domains.includes(domain)) : [];
    const others = active.filter((u) => !suggested.includes(u));
    if (!suggested.length) return others.map(option);
    return [
      { label: t('fields.suggested'), title: t('fields.suggested'), options: suggested.map(option) },
      { label: t('fields.otherUnits'), title: t('fields.otherUnits'), options: others.map(option) },
    ];
  }, [units, domain, exclude, excludedTitle, t]);
  return (
    <Select
      id={id}
      aria-label={rest['aria-label']}
      value={value}
      onChange={onChange}
      options={options}
      loading={loading}
      showSearch={{ optionFilterProp: 'label' }}
      allowClear={allowClear}
      placeholder={placeholder ?? t('fields.unitSearch')}
    />
  );
}

interface PlacePickerProps {
  value?: string;
  onChange?: (v: string) => void;
  id?: string;
  'aria-label'?: string;
}

/** The place of the matter, from the jurisdiction tree, with search by name. */
export function PlacePicker({ value, onChange, id, ...rest }: PlacePickerProps) {
  const { t } = useTranslation();
  const [places, loading] = useJurisdictions();
  const tree = useMemo(() => placeTree(places), [places]);
  const expanded = useMemo(() => tree.map((n) => n.value), [tree]);
  return (
    <TreeSelect
      id={id}
      aria-label={rest['aria-label']}
      value={value}
      onChange={onChange}
      treeData={tree}
      loading={loading}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandedKeys={expanded}
      placeholder={t('intake.placeSearch')}
      styles={{ popup: { root: { maxHeight: 400, overflow: 'auto' } } }}
    />
  );
}
