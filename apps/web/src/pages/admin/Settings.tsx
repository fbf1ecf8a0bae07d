import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Input, Radio, Space, Tag, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../auth';
import { api, errorMessage, type ClockSettings } from '../../lib/api';

export default function SettingsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const admin = me.user.role === 'admin';
  const [settings, setSettings] = useState<ClockSettings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [json, setJson] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api
      .clockSettings()
      .then(setSettings)
      .catch((e: unknown) => setError(errorMessage(e, t('errors.unknown'))));
  }, [t]);

  const setCounting = async (v: 'calendar' | 'working') => {
    setBusy(true);
    try {
      setSettings(await api.setDayCounting(v));
      message.success(t('admin.saved'));
    } catch (e) {
      message.error(errorMessage(e, t('errors.unknown')));
    } finally {
      setBusy(false);
    }
  };

  const importJson = async () => {
    let data: unknown;
    try {
      data = JSON.parse(json);
    } catch (e) {
      message.error(`JSON: ${(e as Error).message}`);
      return;
    }
    setBusy(true);
    try {
      const r = await api.importHolidays(data);
      message.success(t('admin.imported', { years: r.imported.join('、') }));
      setSettings(await api.clockSettings());
      setJson('');
    } catch (e) {
      message.error(errorMessage(e, t('errors.unknown')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <div className="page-head">
        <Typography.Title level={1} className="page-title">
          {t('admin.settings')}
        </Typography.Title>
      </div>
      {error && <Alert type="error" showIcon title={error} className="gap-bottom" />}
      {!admin && <Alert type="info" showIcon title={t('admin.adminOnly')} className="gap-bottom" />}
      <Card size="small" title={t('admin.dayCounting')} className="section">
        <Radio.Group
          value={settings?.dayCounting}
          disabled={!admin || busy || !settings}
          onChange={(e) => void setCounting(e.target.value as 'calendar' | 'working')}
          options={[
            { value: 'calendar', label: t('admin.calendarDays') },
            { value: 'working', label: t('admin.workingDays') },
          ]}
        />
      </Card>
      <Card size="small" title={t('admin.years')} className="section">
        {settings && settings.provisionalYears.length > 0 && (
          // Deadlines that fall in a provisional year move once the official arrangement is imported.
          <Alert type="warning" showIcon className="gap-bottom" message={t('admin.provisionalWarning', { years: settings.provisionalYears.join('、') })} />
        )}
        <Space wrap>
          {[...new Set([...(settings?.years ?? []), ...(settings?.provisionalYears ?? [])])].sort().map((y) => (
            <Tag
              key={y}
              color={settings?.provisionalYears.includes(y) ? 'orange' : 'blue'}
              className="year-tag"
              // antd's orange text on its orange background is 3.3:1; a darker orange reads at 5.9:1 (WCAG AA).
              style={settings?.provisionalYears.includes(y) ? { color: '#ad4e00' } : undefined}
            >
              {y}
              {settings?.provisionalYears.includes(y) ? ` · ${t('admin.provisional')}` : ''}
            </Tag>
          ))}
        </Space>
      </Card>
      {admin && (
        <Card size="small" title={t('admin.importHolidays')} className="section">
          <Typography.Paragraph type="secondary">{t('admin.importHint')}</Typography.Paragraph>
          <Input.TextArea aria-label={t('admin.importHolidays')} rows={8} value={json} onChange={(e) => setJson(e.target.value)} className="mono gap-bottom" />
          <Space>
            <Upload
              accept="application/json,.json"
              showUploadList={false}
              beforeUpload={(file) => {
                void file.text().then(setJson);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />}>{t('admin.importFile')}</Button>
            </Upload>
            <Button type="primary" disabled={!json.trim()} loading={busy} onClick={() => void importJson()}>
              {t('admin.importHolidays')}
            </Button>
          </Space>
        </Card>
      )}
    </div>
  );
}
