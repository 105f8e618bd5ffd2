import { z } from 'zod';
import { method, returns } from './define';
import { communityProfileInput } from './auth';

export interface CommunityProfile {
  communityName: string;
  streetOffice: string;
  unitName: string;
  address: string;
  servicePhone: string;
  complaintPhone: string;
  sealImage: string | null;
  updatedAt: string;
}
export interface Settings {
  idleLockMinutes: number;
  timeZone: string;
  backupKeep: { daily: number; weekly: number; monthly: number };
}
export interface DataLocation {
  databasePath: string;
  backupFolder: string;
  databaseBytes: number;
  schemaVersion: number;
}

export const settingsInput = z.object({
  idleLockMinutes: z.number().int().min(1).max(240),
  timeZone: z.string().min(1).max(60),
  backupKeep: z.object({ daily: z.number().int().min(1).max(60), weekly: z.number().int().min(0).max(52), monthly: z.number().int().min(0).max(120) }),
});

export const community = {
  'community.profile': method({ input: z.object({}), access: 'session', writes: false }, returns<CommunityProfile>()),
  'community.updateProfile': method({ input: communityProfileInput, access: 'community.manage', writes: true }, returns<CommunityProfile>()),
  'community.settings': method({ input: z.object({}), access: 'session', writes: false }, returns<Settings>()),
  'community.updateSettings': method({ input: settingsInput, access: 'community.manage', writes: true }, returns<Settings>()),
  'community.dataLocation': method({ input: z.object({}), access: 'session', writes: false }, returns<DataLocation>()),
};
