import type { TFunction } from 'i18next';
import { AlertOutlined, FlagOutlined, ProfileOutlined } from '@ant-design/icons';
import { keepsLedgers } from '@qiao/contracts';
import type { WorkbenchContext } from '../../lib/api';

/**
 * The side-menu entries for supervision and accountability, by role: the petition office and supervisors review
 * supervision drafts; leaders see the cases they own; all three keep backlog ledgers.
 */
export function accountabilityMenu(context: WorkbenchContext, t: TFunction) {
  const role = context.user.role;
  const office = context.user.atPetitionOffice && (role === 'clerk' || role === 'supervisor');
  const items: { key: string; icon: React.ReactNode; label: string }[] = [];
  if (office) items.push({ key: '/supervision', icon: <AlertOutlined />, label: t('acct.nav.drafts') });
  if (role === 'leader') items.push({ key: '/owned', icon: <FlagOutlined />, label: t('acct.nav.owned') });
  if (keepsLedgers(role))
    items.push({ key: '/ledgers', icon: <ProfileOutlined />, label: t('acct.nav.ledgers') });
  return items;
}
