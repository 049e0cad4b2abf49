import type { RouteSpec } from '../api/route-spec';
import {
  BindIdentityRequestSchema,
  DemoSignInRequestSchema,
  DemoUsersResponseSchema,
  MeSchema,
  RefreshRequestSchema,
  SendBindCodeRequestSchema,
  SendBindCodeResponseSchema,
  SessionResponseSchema,
  SignOutRequestSchema,
  WechatSignInRequestSchema,
} from './schemas';

/** Sign-in, sessions, the signed-in user and identity binding. */
export const authRoutes = {
  signInWithWechat: {
    method: 'POST',
    path: '/auth/wechat',
    auth: 'public',
    request: WechatSignInRequestSchema,
    response: SessionResponseSchema,
  },
  refreshSession: {
    method: 'POST',
    path: '/auth/refresh',
    auth: 'public',
    request: RefreshRequestSchema,
    response: SessionResponseSchema,
  },
  listDemoUsers: {
    method: 'GET',
    path: '/auth/demo-users',
    auth: 'public',
    response: DemoUsersResponseSchema,
  },
  signInAsDemoUser: {
    method: 'POST',
    path: '/auth/demo',
    auth: 'public',
    request: DemoSignInRequestSchema,
    response: SessionResponseSchema,
  },
  signOut: { method: 'POST', path: '/auth/sign-out', auth: 'user', request: SignOutRequestSchema },
  getMe: { method: 'GET', path: '/me', auth: 'user', response: MeSchema },
  sendBindCode: {
    method: 'POST',
    path: '/me/identity/code',
    auth: 'user',
    request: SendBindCodeRequestSchema,
    response: SendBindCodeResponseSchema,
  },
  bindIdentity: {
    method: 'POST',
    path: '/me/identity',
    auth: 'user',
    request: BindIdentityRequestSchema,
    response: MeSchema,
  },
} as const satisfies Record<string, RouteSpec>;
