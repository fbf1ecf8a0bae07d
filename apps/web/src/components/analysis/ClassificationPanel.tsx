import { categories, domains } from '@qiao/core';
import { useState } from 'react';
import { App, Button, Descriptions, Form, Input, Modal, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage, type Category, type Detail, type Domain } from '../../lib/api';
import { analysisApi } from '../../lib/analysis-api';

const DOMAINS: readonly Domain[] = domains;
const CATEGORIES: readonly Category[] = categories;

interface Values {
  domain: Domain;
  category: Category;
  litigationRelated: boolean;
  note?: string;
}

/**
 * 分类 on the petition page: domain, category and litigation-relatedness, and (petition office) the correction,
 * recorded as a step of the history and kept to retrain the classifier (`qiao train --with-corrections`).
 */
export function ClassificationPanel({ detail, reload }: { detail: Detail; reload: () => Promise<void> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();
  const canCorrect = detail.availableCommands.includes('reclassify');

  const start = () => {
    form.setFieldsValue({ domain: detail.domain, category: detail.category, litigationRelated: detail.litigationRelated, note: undefined });
    setOpen(true);
  };
  const submit = async () => {
    const v = await form.validateFields();
    if (v.domain === detail.domain && v.category === detail.category && v.litigationRelated === detail.litigationRelated) {
      void message.info(t('analysis.classification.unchanged'));
      return;
    }
    setBusy(true);
    try {
      await analysisApi.reclassify(
        detail.id,
        { domain: v.domain, category: v.category, litigationRelated: v.litigationRelated, note: v.note?.trim() || undefined },
        detail.version,
      );
      setOpen(false);
      void message.success(t('analysis.classification.corrected'));
      await reload();
    } catch (e) {
      void message.error(errorMessage(e, t('analysis.classification.correct')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="classification-panel" data-testid="classification-panel">
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('analysis.classification.domain')}>{t(`domain.${detail.domain}`)}</Descriptions.Item>
        <Descriptions.Item label={t('analysis.classification.category')}>{t(`category.${detail.category}`)}</Descriptions.Item>
        <Descriptions.Item label={t('analysis.classification.litigation')}>
          {detail.litigationRelated ? t('analysis.classification.yes') : t('analysis.classification.no')}
        </Descriptions.Item>
      </Descriptions>
      {canCorrect && (
        <Button size="small" onClick={start}>
          {t('analysis.classification.correct')}
        </Button>
      )}
      <Modal
        open={open}
        title={t('analysis.classification.correctTitle')}
        okText={t('analysis.classification.correct')}
        confirmLoading={busy}
        onOk={() => void submit()}
        onCancel={() => setOpen(false)}
      >
        <Typography.Paragraph type="secondary">{t('analysis.classification.correctIntro')}</Typography.Paragraph>
        <Form form={form} layout="vertical">
          <Form.Item name="domain" label={t('analysis.classification.domain')} rules={[{ required: true }]}>
            <Select options={DOMAINS.map((d) => ({ value: d, label: t(`domain.${d}`) }))} />
          </Form.Item>
          <Form.Item name="category" label={t('analysis.classification.category')} rules={[{ required: true }]}>
            <Select options={CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))} />
          </Form.Item>
          <Form.Item name="litigationRelated" label={t('analysis.classification.litigation')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="note" label={t('analysis.classification.note')}>
            <Input.TextArea rows={2} maxLength={5000} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
