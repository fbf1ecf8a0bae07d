import { useMemo } from 'react';
import { Button, Card, List, Space } from 'antd';
import { AuditOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useMe } from '../auth';
import type { Detail, WorkbenchContext } from '../lib/api';
import { useUnits } from '../lib/directory';
import { ClockBadge } from './Badges';

/** Who may open a unit's supervision record: the petition office, supervisors, and the unit's own staff. */
export function mayReadSupervisionRecord(me: WorkbenchContext, unitId: string): boolean {
  const { role, atPetitionOffice, unitId: own } = me.user;
  if (role === 'clerk' || role === 'supervisor') return true;
  return (role === 'handler' || role === 'unitHead') && (atPetitionOffice || own === unitId);
}

/** A small link to a unit's supervision record (the supervisor's late-units tab). */
export function UnitSupervisionLink({ unitId, name }: { unitId: string; name: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  if (!mayReadSupervisionRecord(me, unitId)) return null;
  return (
    <Button
      size="small"
      icon={<AuditOutlined />}
      title={t('unitSupervision.linkTitle', { unit: name })}
      onClick={() => void navigate(`/units/${encodeURIComponent(unitId)}/supervision`)}
    >
      {t('unitSupervision.link')}
    </Button>
  );
}

interface Notice {
  id: string;
  reason: string;
  issuedOn: string;
  answeredOn: string | null;
  unitId?: string | null;
}

/** The petition's supervision notices, each with its answer clock and a way to the supervised unit's record. */
export function PetitionSupervisions({ detail }: { detail: Detail }) {
  const { t } = useTranslation();
  const me = useMe();
  const [units] = useUnits();
  const names = useMemo(() => new Map(units.map((u) => [u.id, u.name])), [units]);
  const notices = (detail.state.supervisions ?? []) as Notice[];
  if (notices.length === 0) return null;
  return (
    <Card
      title={<h2 className="card-h">{t('unitSupervision.noticesOnPetition')}</h2>}
      size="small"
      className="section"
      data-testid="petition-supervisions"
    >
      <List
        size="small"
        dataSource={notices}
        renderItem={(n) => {
          const clock = detail.clocks.find((c) => c.name === `supervision:${n.id}`);
          const unit = n.unitId ? (names.get(n.unitId) ?? n.unitId) : '';
          return (
            <List.Item
              key={n.id}
              actions={n.unitId ? [<UnitSupervisionLink key="r" unitId={n.unitId} name={unit} />] : []}
            >
              <Space size={8} wrap>
                <span>{t('unitSupervision.notice', { date: dayjs(n.issuedOn).format('L'), unit, reason: t(`options.supervisionReason.${n.reason}`) })}</span>
                {clock && <ClockBadge today={me.today} clock={clock} />}
              </Space>
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
