import { IconUsers } from '@tabler/icons-react';
import { adminGroup, type Area } from '../../app/navigation';
import { UsersPage } from './UsersPage';

export const usersArea: Area = {
  id: 'users',
  nav: adminGroup,
  routes: [
    {
      id: 'users',
      label: (t) => t('nav.users'),
      description: (t) => t('nav.usersHint'),
      icon: IconUsers,
      permission: 'users.manage',
      component: UsersPage,
    },
  ],
};
