import { IconShieldCheck } from '@tabler/icons-react';
import { adminGroup, type Area } from '../../app/navigation';
import { AuditPage } from './AuditPage';

export const auditArea: Area = {
  id: 'audit',
  nav: adminGroup,
  routes: [
    {
      id: 'audit',
      label: (t) => t('nav.audit'),
      description: (t) => t('nav.auditHint'),
      icon: IconShieldCheck,
      permission: 'audit.read',
      component: AuditPage,
    },
  ],
};
export { chainReasonLabel } from './labels';
