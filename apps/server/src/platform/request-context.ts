// Who is acting and from where; services receive it so audit rows say who did what.
export interface Actor {
  userId: number;
  publicId: string;
  email: string;
}

export interface RequestContext {
  actor: Actor | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

export const systemContext: RequestContext = { actor: null, ip: null, userAgent: null, requestId: null };
