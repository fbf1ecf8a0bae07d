import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { rememberLang, type Lang } from '../i18n';

export function LanguageSwitch() {
  const { i18n, t } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'zh';
  return (
    <Segmented<Lang>
      size="small"
      aria-label={t('nav.language')}
      value={lang}
      options={[
        { label: '中文', value: 'zh' },
        { label: 'EN', value: 'en' },
      ]}
      onChange={(v) => {
        rememberLang(v);
        void i18n.changeLanguage(v);
      }}
    />
  );
}
