import { useState } from 'react';
import type { PetitionState } from '@qiao/core';
import dayjs from 'dayjs';
import { App, Button, Dropdown, Tooltip } from 'antd';
import { DownOutlined, FileWordOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../auth';
import { accountabilityApi, documentsReady, saveBlob, type DocumentKind } from '../../lib/accountability-api';
import { errorMessage, type Detail } from '../../lib/api';
import { useUnits } from '../../lib/directory';

/** The official documents (.docx, GB/T 9704 layout) this petition has reached, for download from the petition page. */
export function DocumentsMenu({ detail }: { detail: Detail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const [busy, setBusy] = useState(false);
  const [units] = useUnits();
  const kinds = documentsReady(detail, me.user);
  // Each supervision notice is its own document (the office that sat on the petition, then the unit it went to).
  const notices = (detail.state as unknown as Pick<PetitionState, 'supervisions'>).supervisions;

  const download = async (kind: DocumentKind, supervisionId?: string) => {
    setBusy(true);
    try {
      const blob = await accountabilityApi.document(detail.id, kind, supervisionId);
      // The notice's place among the petition's notices, as its document number says (…-2号).
      const index = supervisionId ? notices.findIndex((s) => s.id === supervisionId) : -1;
      const name = `${t(`acct.docs.fileTitles.${kind}`)}-${detail.trackingCode}${index > 0 ? `-${index + 1}` : ''}.docx`;
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
        items: kinds.flatMap((k) =>
          k === 'supervisionNotice' && notices.length > 1
            ? notices.map((s, i) => ({
                key: `${k}:${s.id}`,
                label: t('acct.docs.notice', {
                  n: i + 1,
                  date: dayjs(s.issuedOn).format('L'),
                  unit: units.find((u) => u.id === s.unitId)?.name ?? s.unitId ?? '—',
                  reason: t(`options.supervisionReason.${s.reason}`),
                }),
                icon: <FileWordOutlined />,
              }))
            : [{ key: k, label: t(`acct.docs.kinds.${k}`), icon: <FileWordOutlined /> }],
        ),
        onClick: ({ key }) => {
          const [kind, supervisionId] = key.split(':');
          void download(kind as DocumentKind, supervisionId);
        },
      }}
    >
      <Button icon={<FileWordOutlined />} loading={busy} className="acct-docs">
        {t('acct.docs.menu')} <DownOutlined />
      </Button>
    </Dropdown>
  );
}
