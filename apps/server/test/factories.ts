// Factories with overrides (STYLE.md): build request bodies, and create real rows through the API.
import type { Role, Session, User } from '@i2v/contracts';
import { adminCredentials, startTestStudio, type TestStudio } from './harness.js';

let sequence = 0;

export interface UserInput {
  email: string;
  displayName: string;
  role: Role;
  password: string;
}

export function buildUser(overrides: Partial<UserInput> = {}): UserInput {
  sequence++;
  return {
    email: `person${sequence}-${Date.now().toString(36)}@studio.test`,
    displayName: `Person ${sequence}`,
    role: 'creator',
    password: `Long-enough-pass-${sequence}`,
    ...overrides,
  };
}

export interface SignedIn {
  token: string;
  user: User;
  refreshCookie: string;
  auth: { authorization: string };
}

export async function login(studio: TestStudio, email: string, password: string): Promise<SignedIn> {
  const res = await studio.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
  });
  if (res.statusCode !== 200) throw new Error(`login failed ${res.statusCode}: ${res.body}`);
  const body = res.json<Session>();
  const cookie = res.cookies.find((c) => c.name === 'i2v_refresh');
  return {
    token: body.accessToken,
    user: body.user,
    refreshCookie: cookie?.value ?? '',
    auth: { authorization: `Bearer ${body.accessToken}` },
  };
}

export const loginAdmin = (studio: TestStudio) =>
  login(studio, adminCredentials.email, adminCredentials.password);

/** Creates a user through the admin API and signs them in. */
export async function createUser(
  studio: TestStudio,
  admin: SignedIn,
  overrides: Partial<UserInput> = {},
): Promise<SignedIn & { input: UserInput }> {
  const input = buildUser(overrides);
  const res = await studio.app.inject({
    method: 'POST',
    url: '/api/v1/users',
    headers: admin.auth,
    payload: input,
  });
  if (res.statusCode !== 201) throw new Error(`create user failed ${res.statusCode}: ${res.body}`);
  return { ...(await login(studio, input.email, input.password)), input };
}

export interface ProjectInput {
  name: string;
  description: string;
}

export function buildProject(overrides: Partial<ProjectInput> = {}): ProjectInput {
  sequence++;
  return {
    name: `Project ${sequence} ${Date.now().toString(36)}`,
    description: `Test project ${sequence}`,
    ...overrides,
  };
}

/** Creates a project through the API as the given user and returns it with its ETag. */
export async function createProject(
  studio: TestStudio,
  who: SignedIn,
  overrides: Partial<ProjectInput> = {},
): Promise<{ project: import('@i2v/contracts').Project; etag: string }> {
  const res = await studio.app.inject({
    method: 'POST',
    url: '/api/v1/projects',
    headers: who.auth,
    payload: buildProject(overrides),
  });
  if (res.statusCode !== 201) throw new Error(`create project failed ${res.statusCode}: ${res.body}`);
  return { project: res.json(), etag: String(res.headers.etag) };
}

export interface Team {
  studio: TestStudio;
  admin: SignedIn;
  creator: SignedIn;
  reviewer: SignedIn;
}

/** A fresh studio with the bootstrapped admin, a creator and a reviewer, all signed in. */
export async function startStudioWithTeam(env: Record<string, string> = {}): Promise<Team> {
  const studio = await startTestStudio(env);
  const admin = await loginAdmin(studio);
  const creator = await createUser(studio, admin, { role: 'creator' });
  const reviewer = await createUser(studio, admin, { role: 'reviewer' });
  return { studio, admin, creator, reviewer };
}
