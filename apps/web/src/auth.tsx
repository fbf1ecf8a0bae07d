import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, loadSession, saveSession, setUnauthorizedHandler, type Login, type WorkbenchContext } from './lib/api';

interface Auth {
  session: Login | null;
  /** Who the server says I am, with unit and place names and today's date by the server clock. */
  context: WorkbenchContext | null;
  contextError: unknown;
  signIn: (username: string, password: string) => Promise<void>;
  signOut: () => void;
  /** Set when the last session ended by a 401 (expired): the login page says so. */
  expired: boolean;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Login | null>(() => loadSession());
  const [context, setContext] = useState<WorkbenchContext | null>(null);
  const [contextError, setContextError] = useState<unknown>(null);
  const [expired, setExpired] = useState(false);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setSession(null);
      setContext(null);
      setExpired(true);
    });
  }, []);

  useEffect(() => {
    if (!session) return;
    let live = true;
    setContextError(null);
    api
      .context()
      .then((c) => live && setContext(c))
      .catch((e: unknown) => live && setContextError(e));
    return () => {
      live = false;
    };
  }, [session]);

  const signIn = useCallback(async (username: string, password: string) => {
    const s = await api.login(username, password);
    saveSession(s);
    setExpired(false);
    setContext(null);
    setSession(s);
  }, []);

  const signOut = useCallback(() => {
    saveSession(null);
    setSession(null);
    setContext(null);
    setExpired(false);
  }, []);

  const value = useMemo(
    () => ({ session, context, contextError, signIn, signOut, expired }),
    [session, context, contextError, signIn, signOut, expired],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const a = useContext(AuthContext);
  if (!a) throw new Error('useAuth outside AuthProvider');
  return a;
}

/** The signed-in context; only inside the app layout, which renders once it is loaded. */
export function useMe(): WorkbenchContext {
  const { context } = useAuth();
  if (!context) throw new Error('useMe before the context loaded');
  return context;
}

export const isOffice = (c: WorkbenchContext) => c.user.role === 'clerk' || c.user.atPetitionOffice;
export const canRegister = (c: WorkbenchContext) => c.user.role === 'clerk' || c.user.role === 'proxyAgent';
/** Where "register a petition" leads: a proxy agent has one form (the server files it as `proxy`), the office has a tab per channel. */
export const intakePath = (c: WorkbenchContext) => (c.user.role === 'proxyAgent' ? '/intake/proxy' : '/intake/visit');
