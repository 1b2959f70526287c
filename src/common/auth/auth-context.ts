import { Language } from '../i18n/language';
import { Role } from './role.enum';

export interface RequestMeta {
  ip: string;
  userAgent: string;
  requestId: string;
}

export interface AuthUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  language: Language;
  sessionId: string;
}

// What a service needs to know about its caller: who, and from where (for the audit log).
export interface AuthContext extends RequestMeta {
  user: AuthUser;
}
