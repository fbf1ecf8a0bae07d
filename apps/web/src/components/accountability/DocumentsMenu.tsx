import { useState } from 'react';
import { App, Button, Dropdown, Tooltip } from 'antd';
import { DownOutlined, FileWordOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../auth';
import { accountabilityApi, documentsReady, saveBlob, type DocumentKind } from '../../lib/accountability-api';
import { errorMessage, type Detail } from '../../lib/api';

/** The official documents (.docx, GB/T 9704 layout) this petition has reached, for download from the petition page. */
export function DocumentsMenu({ detail }: { detail: Detail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const [busy, setBusy] = useState(false);
  const kinds = documentsReady(detail, me.user);

  const download = async (kind: DocumentKind) => {
    setBusy(true);
    try {
      const blob = await accountabilityApi.document(detail.id, kind);
      const name = `${t(`acct.docs.fileTitles.${kind}`)}-${detail.trackingCode}.docx`;
      saveBlob(blob, name);
      message.success(t('acct.docs.downloaded', { name }));
    } catch (e) {
      message.error(errorMessage(e, t('errors.unknown')));
    } finally {
      setBusy(false);
    }
  };

  if (kinds.length === 0)
    return (
      <Tooltip title={t('acct.docs.none')}>
        <Button icon={<FileWordOutlined />} disabled className="acct-docs">
          {t('acct.docs.menu')}
        </Button>
      </Tooltip>
    );
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: kinds.map((k) => ({ key: k, label: t(`acct.docs.kinds.${k}`), icon: <FileWordOutlined /> })),
        onClick: ({ key }) => void download(key as DocumentKind),
      }}
    >
      <Button icon={<FileWordOutlined />} loading={busy} className="acct-docs">
        {t('acct.docs.menu')} <DownOutlined />
      </Button>
    </Dropdown>
  );
}
