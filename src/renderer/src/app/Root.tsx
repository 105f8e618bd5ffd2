import { useSession } from './session-context';
import { BootScreen } from './BootScreen';
import { SetupScreen } from './auth/SetupScreen';
import { SignInScreen } from './auth/SignInScreen';
import { AppLayout } from './shell/AppLayout';
import { LockOverlay } from './lock/LockOverlay';
import { IdleLock } from './lock/IdleLock';

/** Which screen: what `auth.status` and the session say. The app stays mounted under the lock. */
export function Root() {
  const { phase, locked } = useSession();
  switch (phase) {
    case 'loading':
    case 'boot-error':
      return <BootScreen />;
    case 'setup':
      return <SetupScreen />;
    case 'sign-in':
      return <SignInScreen />;
    case 'app':
      return (
        <>
          <AppLayout />
          <IdleLock />
          {locked && <LockOverlay />}
        </>
      );
  }
}
