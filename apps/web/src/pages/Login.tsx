import { useEffect, useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router-dom';
import { useAuth } from '../auth';
import { api, errorMessage } from '../lib/api';
import { LanguageSwitch } from '../components/LanguageSwitch';

export function LoginPage() {
  const { t } = useTranslation();
  const { session, signIn, expired } = useAuth();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The demo accounts are named only on a server started with the demo data, never on a production sign-in page.
  const [demo, setDemo] = useState(false);
  useEffect(() => {
    let live = true;
    api
      .loginOptions()
      .then((o) => live && setDemo(o.demo))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  const next = params.get('next');
  if (session) return <Navigate to={next && next.startsWith('/') && !next.startsWith('//') ? next : '/inbox'} replace />;

  const submit = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await signIn(v.username.trim(), v.password);
    } catch (e) {
      setError(errorMessage(e, t('errors.unknown')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="login-page">
      <div className="login-lang">
        <LanguageSwitch />
      </div>
      <Card className="login-card">
        <div className="login-brand" aria-hidden="true">
          桥
        </div>
        <Typography.Title level={1} className="login-title">
          {t('login.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" className="login-subtitle">
          {t('login.subtitle')}
        </Typography.Paragraph>
        {expired && !error && <Alert type="warning" showIcon title={t('login.expired')} className="gap-bottom" />}
        {error && <Alert type="error" showIcon title={error} className="gap-bottom" role="alert" />}
        <Form layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false} size="large">
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}>
            <Input prefix={<UserOutlined />} autoFocus autoComplete="username" />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('login.submit')}
          </Button>
        </Form>
        {demo && (
          <Typography.Paragraph type="secondary" className="login-demo">
            {t('login.demo')}
          </Typography.Paragraph>
        )}
      </Card>
    </main>
  );
}
