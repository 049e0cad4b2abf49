import { type RouteSpec, responds } from '../api/route-spec';
import {
  BindIdentityRequestSchema,
  DemoSignInRequestSchema,
  type DemoUsersResponseSchema,
  type MeSchema,
  RefreshRequestSchema,
  SendBindCodeRequestSchema,
  type SendBindCodeResponseSchema,
  type SessionResponseSchema,
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
    response: responds<typeof SessionResponseSchema>(),
  },
  refreshSession: {
    method: 'POST',
    path: '/auth/refresh',
    auth: 'public',
    request: RefreshRequestSchema,
    response: responds<typeof SessionResponseSchema>(),
  },
  listDemoUsers: {
    method: 'GET',
    path: '/auth/demo-users',
    auth: 'public',
    response: responds<typeof DemoUsersResponseSchema>(),
  },
  signInAsDemoUser: {
    method: 'POST',
    path: '/auth/demo',
    auth: 'public',
    request: DemoSignInRequestSchema,
    response: responds<typeof SessionResponseSchema>(),
  },
  signOut: { method: 'POST', path: '/auth/sign-out', auth: 'user', request: SignOutRequestSchema },
  getMe: { method: 'GET', path: '/me', auth: 'user', response: responds<typeof MeSchema>() },
  sendBindCode: {
    method: 'POST',
    path: '/me/identity/code',
    auth: 'user',
    request: SendBindCodeRequestSchema,
    response: responds<typeof SendBindCodeResponseSchema>(),
  },
  bindIdentity: {
    method: 'POST',
    path: '/me/identity',
    auth: 'user',
    request: BindIdentityRequestSchema,
    response: responds<typeof MeSchema>(),
  },
} as const satisfies Record<string, RouteSpec>;
