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

export const signInWithWechatRoute = {
  method: 'POST',
  path: '/auth/wechat',
  auth: 'public',
  request: WechatSignInRequestSchema,
  response: responds<typeof SessionResponseSchema>(),
} as const satisfies RouteSpec;

export const refreshSessionRoute = {
  method: 'POST',
  path: '/auth/refresh',
  auth: 'public',
  request: RefreshRequestSchema,
  response: responds<typeof SessionResponseSchema>(),
} as const satisfies RouteSpec;

export const listDemoUsersRoute = {
  method: 'GET',
  path: '/auth/demo-users',
  auth: 'public',
  response: responds<typeof DemoUsersResponseSchema>(),
} as const satisfies RouteSpec;

export const signInAsDemoUserRoute = {
  method: 'POST',
  path: '/auth/demo',
  auth: 'public',
  request: DemoSignInRequestSchema,
  response: responds<typeof SessionResponseSchema>(),
} as const satisfies RouteSpec;

export const signOutRoute = {
  method: 'POST',
  path: '/auth/sign-out',
  auth: 'user',
  request: SignOutRequestSchema,
} as const satisfies RouteSpec;

export const getMeRoute = {
  method: 'GET',
  path: '/me',
  auth: 'user',
  response: responds<typeof MeSchema>(),
} as const satisfies RouteSpec;

export const sendBindCodeRoute = {
  method: 'POST',
  path: '/me/identity/code',
  auth: 'user',
  request: SendBindCodeRequestSchema,
  response: responds<typeof SendBindCodeResponseSchema>(),
} as const satisfies RouteSpec;

export const bindIdentityRoute = {
  method: 'POST',
  path: '/me/identity',
  auth: 'user',
  request: BindIdentityRequestSchema,
  response: responds<typeof MeSchema>(),
} as const satisfies RouteSpec;

/** Sign-in, sessions, the signed-in user and identity binding. */
export const authRoutes = {
  signInWithWechat: signInWithWechatRoute,
  refreshSession: refreshSessionRoute,
  listDemoUsers: listDemoUsersRoute,
  signInAsDemoUser: signInAsDemoUserRoute,
  signOut: signOutRoute,
  getMe: getMeRoute,
  sendBindCode: sendBindCodeRoute,
  bindIdentity: bindIdentityRoute,
} as const satisfies Record<string, RouteSpec>;
