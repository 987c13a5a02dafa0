// Generated from /api/v1/openapi.json by `npm run gen:api`. Do not edit; a test fails when stale.
export interface paths {
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is alive */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok" | "unavailable";
                            checks: {
                                [key: string]: {
                                    ok: boolean;
                                    detail?: string;
                                };
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The studio accepts work: database reachable, migrations applied, not shutting down */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok" | "unavailable";
                            checks: {
                                [key: string]: {
                                    ok: boolean;
                                    detail?: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok" | "unavailable";
                            checks: {
                                [key: string]: {
                                    ok: boolean;
                                    detail?: string;
                                };
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with email and password
         * @description Returns a short-lived access token and sets the rotating refresh token as an httpOnly cookie. Repeated failures lock the account.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Session"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange the refresh cookie for a new access token
         * @description Rotates the refresh token. Reusing an already rotated token ends the whole session.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Session"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out: end the session of the refresh cookie */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update your profile */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        displayName: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change your password */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        currentPassword: string;
                        newPassword: string;
                    };
                };
            };
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List users */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description Opaque cursor from a previous page */
                    cursor?: string;
                    /** @description Matches email or display name */
                    q?: string;
                    role?: "admin" | "creator" | "reviewer";
                    status?: "active" | "inactive" | "all";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UserPage"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a user
         * @description Without a password a random one is generated, returned once, and must be changed at first sign-in.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        displayName: string;
                        /** @enum {string} */
                        role: "admin" | "creator" | "reviewer";
                        /** @description Initial password; when omitted a random one is generated and returned once */
                        password?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: components["schemas"]["User"];
                            /** @description Shown once; null when a password was supplied */
                            temporaryPassword: string | null;
                        };
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a user */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a user: display name, role, or active (deactivate / reactivate)
         * @description Deactivating ends all of the user’s sessions at once. The last active admin cannot be demoted.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        displayName?: string;
                        /** @enum {string} */
                        role?: "admin" | "creator" | "reviewer";
                        isActive?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/users/{id}/reset-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reset a user’s password
         * @description Generates a temporary password (returned once), ends the user’s sessions and clears a lockout.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Shown once; the user must change it at next login */
                            temporaryPassword: string;
                        };
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List audit events, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description Opaque cursor from a previous page */
                    cursor?: string;
                    /** @description Exact action, or a prefix ending in `.` such as `user.` */
                    action?: string;
                    actorId?: string;
                    entityType?: string;
                    entityId?: string;
                    /** @description Searches summary and actor */
                    q?: string;
                    from?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AuditEventPage"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit-events/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Verify the hash chain of the whole audit trail */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok: boolean;
                            checked: number;
                            firstBrokenId: string | null;
                        };
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List projects, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description Opaque cursor from a previous page */
                    cursor?: string;
                    /** @description Matches name or description */
                    q?: string;
                    status?: "setup" | "active" | "delivered" | "archived" | "closed";
                    /** @description `only` lists the trash */
                    deleted?: "exclude" | "only";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ProjectPage"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create a project (status setup) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @default  */
                        description?: string;
                        retention?: {
                            /** @description Failed generation outputs become reclaimable after this many days */
                            failedOutputsDays?: number;
                            /** @description Artifacts of cancelled jobs become reclaimable after this many days */
                            cancelledArtifactsDays?: number;
                            /** @description Deleted items stay restorable in the trash for this many days */
                            trashGraceDays?: number;
                        };
                        settings?: {
                            /** @description When true, creators cannot give final approval to scenes they generated themselves */
                            requireIndependentApproval?: boolean;
                            /** @description What a character needs to count as ready (PRD-107) */
                            readiness?: {
                                sourceImage: boolean;
                                /** @description An approved hero for every variant type the enabled scene types need */
                                heroes: boolean;
                                /** @description Metadata complete and valid against the metadata schema */
                                metadata: boolean;
                                /** @description Keys of the character's pipeline settings that must have a value */
                                requiredSettings: string[];
                            };
                            /** @description What review cuts of this project are watermarked with; null uses the studio's ("REVIEW") */
                            reviewWatermark?: components["schemas"]["WatermarkInput"] | null;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Project"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a project (also from the trash); the ETag header is its version */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Project"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Move a project to the trash (restorable) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Edit name, description, retention or settings
         * @description Refused with 409 `project.locked` while the project is delivered, archived or closed. Send `If-Match` with the ETag you read to avoid overwriting someone else’s change (412 `request.version_conflict`).
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description ETag from a previous read; a mismatch answers 412 */
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        description?: string;
                        retention?: {
                            /** @description Failed generation outputs become reclaimable after this many days */
                            failedOutputsDays?: number;
                            /** @description Artifacts of cancelled jobs become reclaimable after this many days */
                            cancelledArtifactsDays?: number;
                            /** @description Deleted items stay restorable in the trash for this many days */
                            trashGraceDays?: number;
                        };
                        settings?: {
                            /** @description When true, creators cannot give final approval to scenes they generated themselves */
                            requireIndependentApproval?: boolean;
                            /** @description What a character needs to count as ready (PRD-107) */
                            readiness?: {
                                sourceImage: boolean;
                                /** @description An approved hero for every variant type the enabled scene types need */
                                heroes: boolean;
                                /** @description Metadata complete and valid against the metadata schema */
                                metadata: boolean;
                                /** @description Keys of the character's pipeline settings that must have a value */
                                requiredSettings: string[];
                            };
                            /** @description What review cuts of this project are watermarked with; null uses the studio's ("REVIEW") */
                            reviewWatermark?: components["schemas"]["WatermarkInput"] | null;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Project"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/projects/{id}/metadata-schema": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set or remove the JSON Schema of the characters’ delivery metadata
         * @description Character metadata is validated against it whenever it is saved; existing characters show their problems.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description A JSON Schema with `type: object` at the root, or null to remove it */
                        schema: {
                            [key: string]: unknown;
                        } | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Project"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/transitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move a project through its lifecycle
         * @description setup → active → delivered → archived → closed; delivered and archived projects can be re-opened (→ active). `allowedTransitions` on the project lists the moves possible now.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        to: "setup" | "active" | "delivered" | "archived" | "closed";
                        /** @description Why; kept in the audit trail */
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Project"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restore a project from the trash */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Project"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/image-variant-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List image variant types in order */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ImageVariantType"][];
                        };
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create an image variant type
         * @description Making it the default takes the default from the current one, which gets its slug as file prefix.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        slug: string;
                        /** @description Defaults to the slug; must be empty for the default type */
                        filePrefix?: "" | string;
                        /** @default false */
                        isDefault?: boolean;
                        sortOrder?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ImageVariantType"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/image-variant-types/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete an image variant type (not the default) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Rename, re-prefix, reorder, or make the default */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        filePrefix?: "" | string;
                        /**
                         * @description Makes this the default type; the previous default loses it
                         * @enum {boolean}
                         */
                        isDefault?: true;
                        sortOrder?: number;
                        generationWorkflowVersionId?: string | null;
                        generationPrompt?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ImageVariantType"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/projects/{id}/characters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the characters of a project by name */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description Opaque cursor from a previous page */
                    cursor?: string;
                    /** @description Comma-separated tag names; a name ending in `:` matches a whole namespace (e.g. `style:`) */
                    tags?: string;
                    /** @description `all`: every listed tag; `any`: at least one */
                    tagMode?: "all" | "any";
                    /** @description Matches the name */
                    q?: string;
                    /** @description `only` lists the trash */
                    deleted?: "exclude" | "only";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CharacterPage"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create a character in a project */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        metadata?: {
                            [key: string]: unknown;
                        };
                        settings?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Character"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/characters/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a character with its images */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Character"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Move a character to the trash */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Rename a character or replace its metadata or settings */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        metadata?: {
                            [key: string]: unknown;
                        };
                        settings?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Character"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/characters/{id}/tags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Replace the tags of a character (tags are created on first use) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The complete set of tags; tags are created on first use */
                        tags: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Character"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/characters/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restore a character from the trash */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Character"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/characters/{id}/source-image": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload the character’s source image (the previous one is kept as history)
         * @description multipart/form-data with one `file` part: PNG, JPEG or WebP. The image is decoded to validate it, EXIF orientation is applied, and a thumbnail is made. The same bytes twice for one character are refused (409 `image.duplicate`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": {
                        /**
                         * Format: binary
                         * @description A PNG, JPEG or WebP image
                         */
                        file: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Character"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/characters/{id}/variants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload an image variant of a type (status pending)
         * @description multipart/form-data with one `file` part: PNG, JPEG or WebP. The image is decoded to validate it, EXIF orientation is applied, and a thumbnail is made. The same bytes twice for one character are refused (409 `image.duplicate`).
         */
        post: {
            parameters: {
                query: {
                    /** @description Slug of the image variant type */
                    variantType: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": {
                        /**
                         * Format: binary
                         * @description A PNG, JPEG or WebP image
                         */
                        file: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ImageVariant"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/image-variants/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve, reject, or make an image variant the hero of its type
         * @description Exactly one hero per character and type; the previous hero stays approved as history.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description `hero` approves it and makes it the hero of its type
                         * @enum {string}
                         */
                        decision: "approve" | "reject" | "hero";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ImageVariant"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/characters/bulk-tags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add and remove tags on many characters at once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        characterIds: string[];
                        /** @default [] */
                        add?: string[];
                        /** @default [] */
                        remove?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Characters whose tags changed */
                            changed: number;
                            unchanged: number;
                        };
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/characters/{id}/purge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a character in the trash for good, with its images and scene videos
         * @description Refused (409 `character.not_in_trash`) unless the character is in the trash. Trashed characters are also purged automatically once the project’s trash grace period has passed.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/image-variants/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete an image variant and its file (not the hero of its type: 409 `image.hero_in_use`) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/source-images/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a source image and its file
         * @description Deleting the current source image brings back the one it replaced, when there is one.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Character"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/media/{id}/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download a stored image or video (HTTP range requests supported)
         * @description Use the signed URL found on the resource (e.g. `file.url`); it expires after one to two hours.
         */
        get: {
            parameters: {
                query: {
                    exp: number;
                    sig: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/media/{id}/thumbnail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download the thumbnail of a stored image or the poster of a video
         * @description Use the signed URL found on the resource (e.g. `file.url`); it expires after one to two hours.
         */
        get: {
            parameters: {
                query: {
                    exp: number;
                    sig: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/media/{id}/sprite": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download the filmstrip of a stored video: one JPEG sprite sheet of evenly spaced frames
         * @description Take the video's signed `url` (`/api/v1/media/{id}/file?exp=…&sig=…`) and replace `/file` with `/sprite`. Made with one ffmpeg pass on first request and kept beside the video. The sheet holds up to 60 tiles, 160 px wide at the video’s aspect ratio, left to right and top to bottom. Its layout comes in headers: `X-Sprite-Columns`, `X-Sprite-Rows`, `X-Sprite-Tile-Width`, `X-Sprite-Tile-Height` (pixels) and `X-Sprite-Frames` (comma-separated 0-based frame number shown by each tile, ascending). A file that is not a video answers 422 `video.unreadable`.
         */
        get: {
            parameters: {
                query: {
                    exp: number;
                    sig: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The sprite sheet (image/jpeg) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/media/{id}/proxy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Stream an H.264 MP4 proxy of a stored video, for sources a browser cannot play
         * @description Take the video's signed `url` and replace `/file` with `/proxy`. The proxy has the source's frames at its rate (frame numbers match), H.264 4:2:0 with a keyframe every second, AAC audio when the source has audio. It is transcoded on the first request (which waits for it) and kept beside the video; HTTP range requests are supported. A file that is not a video answers 422 `video.unreadable`.
         */
        get: {
            parameters: {
                query: {
                    exp: number;
                    sig: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The proxy (video/mp4) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scene-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List scene types: studio-level, plus a project’s own with `projectId` */
        get: {
            parameters: {
                query?: {
                    /** @description Studio-level types plus this project’s own; without it, studio-level only */
                    projectId?: string;
                    enabled?: "true" | "false";
                    /** @description Comma-separated tag names; a name ending in `:` matches a whole namespace (e.g. `style:`) */
                    tags?: string;
                    /** @description `all`: every listed tag; `any`: at least one */
                    tagMode?: "all" | "any";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["SceneType"][];
                        };
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create a scene type (studio-level without `projectId`) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default null */
                        projectId?: string | null;
                        name: string;
                        /** @default  */
                        description?: string;
                        /** @default null */
                        workflowRef?: string | null;
                        /** @default null */
                        workflowVersionId?: string | null;
                        /** @default null */
                        transitionWorkflowVersionId?: string | null;
                        /**
                         * @description Parameter slot key of the pinned workflow version → the value this scene type sets
                         * @default {}
                         */
                        slotBindings?: {
                            [key: string]: string | number | boolean;
                        };
                        /** @default [] */
                        loras?: {
                            name: string;
                            weight: number;
                        }[];
                        prompts: components["schemas"]["PromptTemplatesInput"];
                        targetDurationSeconds: number;
                        segmentDurationSeconds: number;
                        /** @default 0 */
                        toleranceSeconds?: number;
                        applicability: components["schemas"]["SceneTypeApplicabilityInput"];
                        generation?: {
                            /** @enum {string} */
                            qaProfile?: "strict" | "standard" | "lenient";
                            /** @description Per gate: `hard` fails a segment, `soft` flags it; null turns that side of the gate off */
                            qaOverrides?: {
                                [key: string]: {
                                    hard?: number | null;
                                    soft?: number | null;
                                };
                            };
                            /** @description Smart auto-retry (PRD-071) */
                            retryPolicy?: {
                                /** @default false */
                                enabled?: boolean;
                                /**
                                 * @description Attempts per segment, the first included
                                 * @default 3
                                 */
                                maxAttempts?: number;
                                /**
                                 * @description Numeric slot → largest relative change per attempt, e.g. `{ "cfg": 0.1 }`
                                 * @default {}
                                 */
                                jitter?: {
                                    [key: string]: number;
                                };
                            };
                            /**
                             * @description `last`: the literal last frame; `auto`: the calmest of the final N frames; `manual`: a person picks it
                             * @enum {string}
                             */
                            boundaryMode?: "last" | "auto" | "manual";
                            boundaryWindowFrames?: number;
                            anchorBelow?: number | null;
                            colourMatch?: boolean;
                        };
                        /** @default true */
                        enabled?: boolean;
                        sortOrder?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SceneType"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scene-types/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a scene type */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SceneType"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a scene type */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a scene type */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        description?: string;
                        workflowRef?: string | null;
                        workflowVersionId?: string | null;
                        transitionWorkflowVersionId?: string | null;
                        /** @description Parameter slot key of the pinned workflow version → the value this scene type sets */
                        slotBindings?: {
                            [key: string]: string | number | boolean;
                        };
                        loras?: {
                            name: string;
                            weight: number;
                        }[];
                        prompts?: components["schemas"]["PromptTemplatesInput"];
                        targetDurationSeconds?: number;
                        segmentDurationSeconds?: number;
                        toleranceSeconds?: number;
                        applicability?: components["schemas"]["SceneTypeApplicabilityInput"];
                        generation?: {
                            /** @enum {string} */
                            qaProfile?: "strict" | "standard" | "lenient";
                            /** @description Per gate: `hard` fails a segment, `soft` flags it; null turns that side of the gate off */
                            qaOverrides?: {
                                [key: string]: {
                                    hard?: number | null;
                                    soft?: number | null;
                                };
                            };
                            /** @description Smart auto-retry (PRD-071) */
                            retryPolicy?: {
                                /** @default false */
                                enabled?: boolean;
                                /**
                                 * @description Attempts per segment, the first included
                                 * @default 3
                                 */
                                maxAttempts?: number;
                                /**
                                 * @description Numeric slot → largest relative change per attempt, e.g. `{ "cfg": 0.1 }`
                                 * @default {}
                                 */
                                jitter?: {
                                    [key: string]: number;
                                };
                            };
                            /**
                             * @description `last`: the literal last frame; `auto`: the calmest of the final N frames; `manual`: a person picks it
                             * @enum {string}
                             */
                            boundaryMode?: "last" | "auto" | "manual";
                            boundaryWindowFrames?: number;
                            anchorBelow?: number | null;
                            colourMatch?: boolean;
                        };
                        enabled?: boolean;
                        sortOrder?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SceneType"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/scene-types/{id}/tags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Replace the tags of a scene type (tags are created on first use) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The complete set of tags; tags are created on first use */
                        tags: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SceneType"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scene-types/{id}/prompt-preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resolve the prompts of every clip position for a character
         * @description Shows which template each position uses after fallback and the placeholders the character has no value for. Pass `prompts` to preview unsaved templates.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        characterId: string;
                        prompts?: components["schemas"]["PromptTemplatesInput"];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PromptPreview"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/scene-matrix": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The scene matrix: characters × scene types × variants, with status, file names and blockers */
        get: {
            parameters: {
                query?: {
                    /** @description Characters per page */
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SceneMatrix"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/scenes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create the scenes of selected matrix cells (idempotent)
         * @description Without a selection every character × every enabled scene type. Cells that already have a scene are left as they are.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Default: every character of the project */
                        characterIds?: string[];
                        /** @description Default: every enabled scene type */
                        sceneTypeIds?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Scenes created now */
                            created: number;
                            /** @description Selected cells that already had a scene */
                            existing: number;
                        };
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scenes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a scene: character, scene type, variant, delivered file name, tags, final version */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Scene"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scenes/{id}/tags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Replace the tags of a scene (tags are created on first use) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The complete set of tags; tags are created on first use */
                        tags: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Scene"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scenes/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the video versions of a scene, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description `only` lists the versions in the trash */
                    deleted?: "exclude" | "only" | "include";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["SceneVideoVersion"][];
                        };
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Import a video (MP4, MOV or WebM) as the next version of a scene; it becomes final
         * @description multipart/form-data: an optional `notes` field, then one `file` part. The file is checked with ffprobe (container, a video stream, codec, size, duration, frames) and a poster is made from its first frame.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": {
                        /** @description What this version is (send before the file) */
                        notes?: string;
                        /**
                         * Format: binary
                         * @description An MP4, MOV or WebM video
                         */
                        file: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SceneVideoVersion"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scene-video-versions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a scene video version */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SceneVideoVersion"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Move a version to the trash (refused for the final version: 409 `video.final_in_use`) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scene-video-versions/{id}/final": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Make this version the final (delivered) video of its scene */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SceneVideoVersion"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scene-video-versions/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restore a version from the trash */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SceneVideoVersion"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scene-video-versions/{id}/purge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a trashed version for good, with its file */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Suggest tags by prefix, most used first */
        get: {
            parameters: {
                query?: {
                    /** @description Prefix of the tag name */
                    q?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TagList"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/metadata/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export every character's metadata as CSV or JSON
         * @description CSV: `name`, then the schema fields in order, then other keys in use; lists joined by `; `, objects as JSON. The file downloads (`content-disposition: attachment`).
         */
        get: {
            parameters: {
                query?: {
                    format?: "csv" | "json";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The CSV or JSON file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/metadata/import/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Preview a metadata import: per row, the matched character and each field current → incoming
         * @description Nothing is written. A file the import cannot read at all (no `name` column, a column that is not a schema field, a name twice) answers 422 `metadata_import.invalid` naming the line and column.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        format: "csv" | "json";
                        /** @description CSV: a header with `name` and one column per metadata field, one row per character; an empty cell clears the field. JSON: `{ "characters": [{ "name": …, "metadata": { … } }] }` as the JSON export writes it; null clears a field. */
                        content: string;
                        /**
                         * @description Apply the rows without errors and skip the others; otherwise any row error refuses the import
                         * @default false
                         */
                        skipInvalid?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MetadataImportPreview"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/metadata/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import metadata for many characters in one transaction
         * @description Refused (422 `metadata_import.has_errors`) while rows have errors, unless `skipInvalid` is true. Every changed character is audited.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        format: "csv" | "json";
                        /** @description CSV: a header with `name` and one column per metadata field, one row per character; an empty cell clears the field. JSON: `{ "characters": [{ "name": …, "metadata": { … } }] }` as the JSON export writes it; null clears a field. */
                        content: string;
                        /**
                         * @description Apply the rows without errors and skip the others; otherwise any row error refuses the import
                         * @default false
                         */
                        skipInvalid?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MetadataImportResult"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/readiness": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What each of a project's characters still needs before generation and delivery
         * @description One checklist per character from the project's readiness criteria (settings.readiness): source image, a hero per variant type the enabled scene types need, complete metadata, required settings, and at least one enabled scene type. Filter by state or by a missing item key; the summary counts the whole project.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description Opaque cursor from a previous page */
                    cursor?: string;
                    state?: "ready" | "partial" | "not_started";
                    /** @description Only characters missing this item key, e.g. `hero:formal` */
                    missing?: string;
                    /** @description By name, or by share of items done (ties by name) */
                    sort?: "name" | "least_ready" | "most_ready";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReadinessPage"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List workflows by name, with their latest version */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description Opaque cursor from a previous page */
                    cursor?: string;
                    /** @description Searches name and description */
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WorkflowPage"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Import a workflow from JSON (its version 1)
         * @description API format (what `POST /prompt` takes) is stored as is; UI format (as the ComfyUI frontend saves it) is converted with the `/object_info` of `workerId`, or the bundled comfy-sim catalogue. A PNG saved by ComfyUI works too. Refused with 422 `workflow.invalid` naming the field or node: not JSON, not a workflow, links to missing nodes, cycles, node classes the catalogue does not know (UI format); 413 `workflow.too_large` above 20 MB; 409 `workflow.duplicate` naming the existing version when identical content exists (unless `allowDuplicate`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description JSON import for API clients; the web app sends multipart/form-data with a `file` part and the same fields */
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @default  */
                        description?: string;
                        /**
                         * Format: uuid
                         * @description Worker whose `/object_info` converts a UI-format file; the bundled comfy-sim catalogue otherwise
                         */
                        workerId?: string;
                        /**
                         * @description Import even when identical content already exists
                         * @default false
                         */
                        allowDuplicate?: boolean;
                        /** @default  */
                        notes?: string;
                        /** @description The workflow file: API or UI format, as JSON or as its text */
                        content: {
                            [key: string]: unknown;
                        } | string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WorkflowImportResult"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflows/upload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import a workflow file (multipart: `file`, optional `name`, `description`, `workerId`…)
         * @description API format (what `POST /prompt` takes) is stored as is; UI format (as the ComfyUI frontend saves it) is converted with the `/object_info` of `workerId`, or the bundled comfy-sim catalogue. A PNG saved by ComfyUI works too. Refused with 422 `workflow.invalid` naming the field or node: not JSON, not a workflow, links to missing nodes, cycles, node classes the catalogue does not know (UI format); 413 `workflow.too_large` above 20 MB; 409 `workflow.duplicate` naming the existing version when identical content exists (unless `allowDuplicate`). Without `name` the file name is used.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WorkflowImportResult"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflows/workers/{id}/prompts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prompts in a worker's history, newest first, to pull one in as a workflow */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["WorkerPrompt"][];
                        };
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflows/pull": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import the workflow of a prompt in a worker's history (its version 1)
         * @description The UI-format workflow is taken when the prompt carried it (extra_pnginfo.workflow), converted with that worker’s `/object_info`; otherwise the API graph as it ran. Duplicates, names and bad content are refused as for any import.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        workerId: string;
                        promptId: string;
                        name: string;
                        /** @default  */
                        description?: string;
                        /** @default false */
                        allowDuplicate?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WorkflowImportResult"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflows/workers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Workers a workflow can be validated or dry-run on (enabled or draining) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["WorkflowWorker"][];
                        };
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflows/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a workflow with its versions, newest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WorkflowDetail"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a workflow (refused with 409 `workflow.in_use` while a scene type pins one of its versions) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflows/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a version to a workflow from JSON
         * @description API format (what `POST /prompt` takes) is stored as is; UI format (as the ComfyUI frontend saves it) is converted with the `/object_info` of `workerId`, or the bundled comfy-sim catalogue. A PNG saved by ComfyUI works too. Refused with 422 `workflow.invalid` naming the field or node: not JSON, not a workflow, links to missing nodes, cycles, node classes the catalogue does not know (UI format); 413 `workflow.too_large` above 20 MB; 409 `workflow.duplicate` naming the existing version when identical content exists (unless `allowDuplicate`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description Worker whose `/object_info` converts a UI-format file; the bundled comfy-sim catalogue otherwise
                         */
                        workerId?: string;
                        /**
                         * @description Import even when identical content already exists
                         * @default false
                         */
                        allowDuplicate?: boolean;
                        /** @default  */
                        notes?: string;
                        /** @description The workflow file: API or UI format, as JSON or as its text */
                        content: {
                            [key: string]: unknown;
                        } | string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WorkflowImportResult"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflows/{id}/versions/upload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a version to a workflow from a file (multipart: `file`, optional `workerId`, `notes`…)
         * @description API format (what `POST /prompt` takes) is stored as is; UI format (as the ComfyUI frontend saves it) is converted with the `/object_info` of `workerId`, or the bundled comfy-sim catalogue. A PNG saved by ComfyUI works too. Refused with 422 `workflow.invalid` naming the field or node: not JSON, not a workflow, links to missing nodes, cycles, node classes the catalogue does not know (UI format); 413 `workflow.too_large` above 20 MB; 409 `workflow.duplicate` naming the existing version when identical content exists (unless `allowDuplicate`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WorkflowImportResult"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflows/{id}/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What changed between two versions: nodes added, removed, changed (class, inputs from/to), slots */
        get: {
            parameters: {
                query: {
                    /** @description Version id */
                    from: string;
                    /** @description Version id */
                    to: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WorkflowDiff"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflow-versions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a version: its API graph, parameter slots, validation per worker and last dry run */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WorkflowVersion"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflow-versions/{id}/parameters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Replace the parameter slots: mark inputs by hand, rename, recategorise, remove
         * @description Each slot names a node and one of its value inputs (not a link). Removing or renaming a slot a scene type binds is refused (409 `workflow.in_use`).
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The full list of slots: add one to mark an input by hand, leave one out to remove it */
                        parameters: {
                            key: string;
                            label?: string;
                            nodeId: string;
                            input: string;
                            /** @enum {string} */
                            category: "generation" | "quality" | "content" | "video" | "model";
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WorkflowVersion"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/workflow-versions/{id}/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Validate the version on workers against their live `/object_info` and model lists
         * @description Every enabled or draining worker by default; with no worker registered, the bundled comfy-sim catalogue (which never makes a version production ready).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Default: every enabled or draining worker; the bundled catalogue when there is none */
                        workerIds?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WorkflowVersion"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflow-versions/{id}/dry-run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run the version once on a worker with a generated test image; answers when it finished
         * @description Image inputs get a generated 512×512 frame. The outcome (success, rejected with node errors, failed, timeout…), duration and error are stored; production ready = validation passed on a worker and this run passed.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        workerId: string;
                        /** @default 300 */
                        timeoutSeconds?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WorkflowVersion"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the character imports of a project, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description Opaque cursor from a previous page */
                    cursor?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CharacterImportPage"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Upload a folder or ZIP of characters to import
         * @description multipart/form-data with either many `file` parts, each file name being the path inside the dropped folder (`Ava/source.png`, `Ava/formal/01.png`, `Ava/metadata.json`), or one `archive` part holding a ZIP of such a folder. One top-level folder per character; inside it `source.*` is the source image, images named after an image variant type (or in a folder named after one) are variants, `metadata.json` is the delivery metadata. Paths that could escape the folder (`..`, absolute) refuse the whole upload. The answer is 202: the upload is analysed in the background (every image decoded); poll `GET /imports/{id}` until `ready` to see the preview.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": {
                        /**
                         * Format: binary
                         * @description Repeat once per file; the file name is its path inside the folder
                         */
                        file?: string;
                        /**
                         * Format: binary
                         * @description Or: one ZIP of the folder
                         */
                        archive?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CharacterImport"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an import with its progress and preview (one entry per character folder) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CharacterImport"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Rename or skip character folders in the preview
         * @description Renaming a folder to the name of an existing character merges into it. Allowed while the import is `ready`.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Renames and skips per character folder; an entry without name or skip undoes earlier choices */
                        entries: {
                            folder: string;
                            name?: string;
                            skip?: boolean;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CharacterImport"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/imports/{id}/commit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import the previewed characters
         * @description Answers 202 and imports in the background; progress is in `GET /imports/{id}`. All characters are written in one transaction: the import completes or changes nothing. Refused (422 `import.has_errors`) while entries have errors, unless `skipInvalid` is true.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description Import the valid entries and skip those with errors; otherwise any error refuses the import
                         * @default false
                         */
                        skipInvalid?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CharacterImport"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel an import that has not run, discarding its upload */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CharacterImport"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List workers by name, with health and the latest vitals */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description Opaque cursor from a previous page */
                    cursor?: string;
                    health?: "unknown" | "healthy" | "degraded" | "down";
                    /** @description Without it, decommissioned workers are left out */
                    adminState?: "enabled" | "draining" | "disabled" | "decommissioned";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WorkerPage"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Register a ComfyUI server as a worker
         * @description The server must answer `/system_stats` like ComfyUI 0.1 or later within 3 s; otherwise nothing is saved and the answer is a 422 naming `body.url` (`worker.unreachable`, `worker.timeout`, `worker.not_comfy`, `worker.outdated`). A name or URL already used by a worker that is not decommissioned is a 409.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Base URL of the ComfyUI server; it must answer before anything is saved */
                        url: string;
                        name: string;
                        /** @default [] */
                        tags?: string[];
                        /**
                         * @description Jobs it runs at once (1–64)
                         * @default 1
                         */
                        maxConcurrency?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Worker"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a worker */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Worker"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename a worker, change its capability tags or max concurrency */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        tags?: string[];
                        maxConcurrency?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Worker"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/workers/{id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Enable a worker: it takes new work
         * @description Asking for the state the worker is in changes nothing. Decommissioned is final (409 `worker.illegal_transition`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Worker"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workers/{id}/drain": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Drain a worker: it finishes what runs and takes nothing new
         * @description Asking for the state the worker is in changes nothing. Decommissioned is final (409 `worker.illegal_transition`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Worker"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workers/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Disable a worker: it takes no work
         * @description Asking for the state the worker is in changes nothing. Decommissioned is final (409 `worker.illegal_transition`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Worker"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workers/{id}/decommission": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Decommission a worker: final; its history stays and its name and URL are free again
         * @description Asking for the state the worker is in changes nothing. Decommissioned is final (409 `worker.illegal_transition`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Worker"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workers/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A worker's events, newest first: registration, state and health changes, threshold alerts */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description Opaque cursor from a previous page */
                    cursor?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WorkerEventPage"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workers/{id}/vitals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A worker's GPU and queue vitals over the last 1 h, 6 h or 24 h, in at most 120 buckets */
        get: {
            parameters: {
                query?: {
                    window?: "1h" | "6h" | "24h";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WorkerVitals"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/system/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Database, storage, worker fleet and event bus health */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SystemHealth"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/kinds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The job kinds this studio runs */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["JobKindInfo"][];
                        };
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List jobs, in queue order or newest first, filtered by state, kind, owner, project, worker */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description Opaque cursor from a previous page */
                    cursor?: string;
                    /** @description Comma-separated states; `active` lists are the default order */
                    state?: string;
                    kind?: string;
                    owner?: "me" | string;
                    projectId?: string;
                    workerId?: string;
                    /** @description `queue`: the order the scheduler takes them; `newest`: latest first */
                    order?: "queue" | "newest";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["JobPage"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Submit a job
         * @description Answers at once with the job (201); it waits for its dependencies (`pending`), its start time (`scheduled`) or a worker (`queued`). An unknown kind is a 422 `job.kind_unknown`, a payload the kind does not accept a 422 `job.payload_invalid` naming `body.payload.…`, a start time in the past a 422 `job.run_at_past`, an unknown dependency a 422 `job.dependency_not_found`. Nothing is written then.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateJobInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Job"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit several jobs in one transaction
         * @description All or nothing: one bad job refuses the batch, naming `body.jobs.N.…`. Within a priority level a batch runs longest expected first (`payload.estimatedSeconds`), which keeps the fleet busy to the end.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        jobs: components["schemas"]["CreateJobInput"][];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Job"][];
                        };
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user's running and waiting jobs, for the job tray */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["JobSummary"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel, pause, resume, retry, reprioritise or move to the front many jobs
         * @description Each job is acted on by itself; the answer says per job whether it worked and, if not, why.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        action: "cancel" | "pause" | "resume" | "retry" | "priority" | "front";
                        ids: string[];
                        /** @enum {string} */
                        priority?: "urgent" | "normal" | "background";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BulkJobResult"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a job */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Job"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A job's history: transitions with attempt and worker, log lines, moves, checkpoints */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["JobEventList"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a job (a running one is interrupted on its worker; its outputs so far are kept)
         * @description Owners act on their own jobs; acting on someone else's needs the "jobs.manage" permission (403 `job.forbidden`). A move the job's state does not allow is a 409 `job.illegal_transition` that says what it can do.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Job"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pause a job (a running one pauses at its next checkpoint)
         * @description Owners act on their own jobs; acting on someone else's needs the "jobs.manage" permission (403 `job.forbidden`). A move the job's state does not allow is a 409 `job.illegal_transition` that says what it can do.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Job"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resume a paused job
         * @description Owners act on their own jobs; acting on someone else's needs the "jobs.manage" permission (403 `job.forbidden`). A move the job's state does not allow is a 409 `job.illegal_transition` that says what it can do.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Job"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run a failed or cancelled job again, optionally with changed payload fields or priority
         * @description Owners act on their own jobs; acting on someone else's needs the "jobs.manage" permission (403 `job.forbidden`). A move the job's state does not allow is a 409 `job.illegal_transition` that says what it can do. Changed fields are merged into the payload and checked like a new submission.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Fields to change for the new attempt (merged into the payload, then checked) */
                        payload?: {
                            [key: string]: unknown;
                        };
                        /** @enum {string} */
                        priority?: "urgent" | "normal" | "background";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Job"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{id}/priority": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Change a job's priority level
         * @description Owners act on their own jobs; acting on someone else's needs the "jobs.manage" permission (403 `job.forbidden`). A move the job's state does not allow is a 409 `job.illegal_transition` that says what it can do.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        priority: "urgent" | "normal" | "background";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Job"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{id}/move": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move a waiting job to the front or back of its level, or next to another job (drag and drop)
         * @description Owners act on their own jobs; acting on someone else's needs the "jobs.manage" permission (403 `job.forbidden`). A move the job's state does not allow is a 409 `job.illegal_transition` that says what it can do. Placing it next to a job of another level takes that level.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description Front or back of its priority level
                         * @enum {string}
                         */
                        to?: "front" | "back";
                        /**
                         * Format: uuid
                         * @description Place just before this queued job (drag and drop)
                         */
                        before?: string;
                        /**
                         * Format: uuid
                         * @description Place just after this queued job
                         */
                        after?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Job"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{id}/dependencies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Replace the jobs a waiting job depends on
         * @description Owners act on their own jobs; acting on someone else's needs the "jobs.manage" permission (403 `job.forbidden`). A move the job's state does not allow is a 409 `job.illegal_transition` that says what it can do. A dependency that would close a cycle is a 422 `job.dependency_cycle` naming the path; nothing changes then.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        dependsOn: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Job"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{id}/schedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set or clear the start time of a waiting job
         * @description Owners act on their own jobs; acting on someone else's needs the "jobs.manage" permission (403 `job.forbidden`). A move the job's state does not allow is a 409 `job.illegal_transition` that says what it can do. A time in the past is a 422 `job.run_at_past`.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description null: queue now */
                        runAt: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Job"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scenes/{id}/generation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The scene’s segments (current chain), earlier attempts and versions, and its runs */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SceneGeneration"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Generate the scene: segment after segment until its target duration
         * @description Checks everything first: a scene type without a workflow, an unbound required slot, a character without an approved hero or a target shorter than one segment is a 422 `scene.not_generatable` naming what to fix. 409 `scene.generation_running` while a run is live.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["StartGenerationInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SceneRun"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scenes/{id}/generation/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stop the live run; segments already generated stay */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SceneRun"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/segments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One segment version with its QA scores, files and jobs */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Segment"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/segments/{id}/regenerate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Regenerate a segment from its stored seed frame (optionally every later one too)
         * @description The old version is kept; a failed regeneration gives the index back to it.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RegenerateSegmentInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SceneRun"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/segments/{id}/boundary-frame": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Choose the boundary frame of a paused scene (manual mode); generation continues from it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 0-based frame of the segment to end on and seed the next from */
                        frameIndex: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SceneRun"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/segments/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a segment for assembly */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Segment"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/generation/estimate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Estimate GPU and wall time for generating a selection of the scene matrix
         * @description From the history of segment renders per workflow version × worker class; `confidence` says how much history there was.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["GenerationSelectionInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["GenerationEstimate"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/generation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Generation progress of a project: scenes by status, runs by status, live runs */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["GenerationDashboard"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Generate a selection of the scene matrix (rows, columns, scenes; not started or failed)
         * @description Creates missing scenes of the selected cells, then starts each that can start; the rest are listed with the reason.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["BatchGenerationInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BatchGenerationResult"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/test-shots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The test shot gallery of a project, newest or best QA first */
        get: {
            parameters: {
                query?: {
                    sceneTypeId?: string;
                    characterId?: string;
                    sort?: "newest" | "quality";
                    limit?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TestShotList"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Test shots: one short segment of a scene type per selected character (draft tier by default)
         * @description Kept beside the scenes’ chains (PRD-058). Scenes are created where missing; the ones that cannot start are listed with the reason.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["StartTestShotsInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BatchGenerationResult"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/segments/{id}/promote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Make a test shot segment 1 of its scene and generate the rest from its boundary frame */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description Tier of the segments generated after the promoted one
                         * @default production
                         * @enum {string}
                         */
                        tier?: "draft" | "production";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SceneRun"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scenes/{id}/upscale": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Generate a draft scene again at production tier with the same seeds (PRD-059) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SceneRun"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/characters/{id}/variants/generate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Derive an image variant from the character’s source image (the variant type’s image-to-image workflow)
         * @description A render job and a job that registers its pictures as `generated` variants, to approve or make hero. 422 when the variant type has no workflow or the character no source image.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Slug of the variant type to derive from the source image */
                        variantType: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["VariantGeneration"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/review-queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Current segments to review, in scene order, with counts per review state
         * @description `state`: `unreviewed` (checked by QA, no decision yet; the default), `flagged`, `approved`, `rejected` or `all`. The counts use the same scene type, character and QA filters.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description Opaque cursor from a previous page */
                    cursor?: string;
                    state?: "unreviewed" | "flagged" | "approved" | "rejected" | "all";
                    sceneTypeId?: string;
                    characterId?: string;
                    /** @description Only segments with this QA verdict */
                    qa?: "pass" | "flag" | "fail";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReviewQueue"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/segments/{id}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Decide on a segment: approve, reject (optionally requeue it), flag or unflag
         * @description Reviewers flag and unflag (a flag with a reason suggests a rejection); approving and rejecting need `review.finalize` (403 `auth.forbidden`). A creator approving a segment they generated is a 403 `review.self_approval` when the project requires independent approval. A version that is no longer current is a 409 `segment.not_current`; a segment that cannot take this decision now is a 409 `segment.not_reviewable` saying why. Approving the last unapproved segment of a fully generated scene approves the scene.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ReviewBodyInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReviewResult"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/review/undo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Undo your latest review decision in the project (a whole batch approval at once)
         * @description Restores the segment status and flag the decision replaced. 409 `review.nothing_to_undo` when there is none; 409 `review.undo_conflict` when the segment changed since (regenerated, decided on by someone else), and then nothing is undone.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description Undo this batch of yours; without it, your latest decision (its whole batch if it had one)
                         */
                        batchId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReviewUndoResult"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/review/batch-approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve every segment matching a queue filter at once (one batch, undone as one)
         * @description All or nothing: 422 `review.batch_empty` when none match, 409 `review.batch_changed` when `expectedCount` differs from the count now, 403 `review.self_approval` when independent approval is required and some are yours.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["BatchApproveBodyInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BatchApproveResult"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scenes/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve a scene whose every current segment is approved; its assembly is requested
         * @description 422 `scene.segments_unapproved` naming the segments that are not approved, 422 `scene.no_segments` for a scene not generated yet, 409 `scene.generation_running` while it is being generated.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Scene"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scenes/{id}/assembly": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What assembling the scene would do: its joins with their SSIM, stream copy or re-encode
         * @description The boundary check of PRD-025: each join compares the last frame kept before it with the first after it; a join under the threshold is crossfaded when assembled with smoothing `auto`. `problem` says why the scene cannot be assembled as it is (a missing or unreadable segment file, mismatched frame rates).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AssemblyPreview"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scenes/{id}/assemble": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Assemble the scene's approved segments into a new final video version
         * @description Queues a `scene.assemble` job (202). Every current segment must be approved (422 `assembly.not_approved` naming them). The job trims each segment at its seed and boundary frames, stream-copies when nothing needs cutting and the streams match, otherwise re-encodes once; joins whose SSIM is under the threshold get a short crossfade (`smoothing`), except joins listed in `acceptJoins`. Segments at different frame rates fail with `assembly.fps_mismatch`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            /** @description How to assemble; every field is optional */
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description `auto`: crossfade joins whose SSIM is under the threshold; `all`: every join; `off`: none
                         * @default auto
                         * @enum {string}
                         */
                        smoothing?: "auto" | "off" | "all";
                        /**
                         * @description SSIM under which a join is smoothed (auto)
                         * @default 0.5
                         */
                        threshold?: number;
                        /**
                         * @description Frames a smoothed join overlaps
                         * @default 4
                         */
                        crossfadeFrames?: number;
                        /**
                         * @description Joins accepted as they are (join j lies between segment j and j + 1): never smoothed
                         * @default []
                         */
                        acceptJoins?: number[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            jobId: string;
                            /** Format: uuid */
                            sceneId: string;
                        };
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/delivery/validation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Check a project before delivery: every problem with where to fix it, and the ZIP layout
         * @description Errors block a delivery (scene not approved or not assembled, draft content, missing hero image or file, metadata that fails the project schema, names that clash or cannot be formed); warnings do not. `deep=true` also decodes every final video in full and compares it with what was recorded (PRD-102).
         */
        get: {
            parameters: {
                query?: {
                    /** @description Output profile the delivery would use (default: the masters) */
                    profileId?: string;
                    /** @description Also decode every video in full and check it against its profile (PRD-102) */
                    deep?: "true" | "false";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DeliveryValidation"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The project's delivery history, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description Opaque cursor from a previous page */
                    cursor?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Delivery"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Deliver the project: validate, then package a ZIP in the background
         * @description A project that does not validate is a 422 `delivery.invalid` listing the problems; nothing is queued. `incremental` packs only characters whose content changed since the last ready delivery with the same profile (409 `delivery.nothing_changed` when none did). One delivery per project at a time (409 `delivery.running`). The ZIP is offered (`downloadUrl`) only once complete; a failed packaging leaves no file.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description `incremental`: only characters whose content changed since the last ready delivery
                         * @default full
                         * @enum {string}
                         */
                        mode?: "full" | "incremental";
                        /**
                         * @description Output profile to transcode every video to; null delivers the masters
                         * @default null
                         */
                        profileId?: string | null;
                        /** @description Only these characters (default: all) */
                        characterIds?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Delivery"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deliveries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One delivery: status, progress, characters, size, checksum and download link */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Delivery"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/job-schedules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List recurring schedules, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description Opaque cursor from a previous page */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["JobSchedule"][];
                            /** @description Pass as `cursor` to get the next page; null on the last page */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a recurring schedule that submits a job at every cron occurrence
         * @description A cron expression that does not parse is a 422 `schedule.cron_invalid` naming `body.cron`; an unknown time zone a 422 `schedule.timezone_invalid`; the job template is checked like a submission (`body.job.…`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateJobScheduleInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["JobSchedule"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/job-schedules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a schedule with its next occurrences */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["JobSchedule"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a schedule (jobs it submitted stay) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Rename, change the cron or time zone, enable or disable a schedule */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateJobScheduleInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["JobSchedule"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/budgets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** GPU-hour budgets of projects and quotas of users, with usage, state and projection */
        get: {
            parameters: {
                query?: {
                    projectId?: string;
                    userId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Budget"][];
                        };
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Set a project's GPU-hour budget or a user's quota
         * @description One budget per project and per user (409 when one exists: change it instead). With `hardLimit`, reaching the limit refuses new GPU submissions (429 `job.quota_exceeded`) and holds queued GPU work; running jobs finish.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateBudgetInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Budget"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/budgets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a budget */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a budget */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateBudgetInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Budget"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/jobs/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The render timeline: GPU jobs per worker over the last 1, 6 or 24 hours, and the queue with estimated starts */
        get: {
            parameters: {
                query?: {
                    hours?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RenderTimeline"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My notifications, newest first, with the unread count */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description Opaque cursor from a previous page */
                    cursor?: string;
                    unread?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["NotificationPage"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/notifications/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark notifications as read (all of them when no ids are given) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Omit to mark all as read */
                        ids?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            updated: number;
                        };
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/notification-preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How each kind of notification reaches me, do-not-disturb and the digest interval */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["NotificationPreferences"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /**
         * Change my notification preferences
         * @description Turning do-not-disturb off delivers what it held at once.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["NotificationPreferencesInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["NotificationPreferences"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/output-profiles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List output profiles (presets and custom), by name */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description Opaque cursor from a previous page */
                    cursor?: string;
                    /** @description Matches name or description */
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OutputProfilePage"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create an output profile
         * @description A profile no encoder can honour is a 422 `output_profile.invalid` with an error per field (ProRes outside MOV, an odd size in 4:2:0, both crf and bitrate, …); a taken name is a 409.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description Impossible combinations (ProRes in MP4, an odd height in 4:2:0, crf and bitrate) are a 422 naming the field */
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @default  */
                        description?: string;
                        /** @enum {string} */
                        container: "mp4" | "mov" | "webm";
                        /** @enum {string} */
                        videoCodec: "h264" | "h265" | "vp9" | "prores";
                        /**
                         * @description Output width in pixels; null (with height null) keeps the source size
                         * @default null
                         */
                        width?: number | null;
                        /**
                         * @description Output height in pixels; null (with width null) keeps the source size
                         * @default null
                         */
                        height?: number | null;
                        /**
                         * @description Frame rate; null keeps the source rate
                         * @default null
                         */
                        fps?: number | null;
                        /**
                         * @description Constant quality (lower is better); exactly one of crf and bitrateKbps
                         * @default null
                         */
                        crf?: number | null;
                        /**
                         * @description Target bitrate in kbit/s; exactly one of crf and bitrateKbps
                         * @default null
                         */
                        bitrateKbps?: number | null;
                        /** @enum {string} */
                        pixelFormat: "yuv420p" | "yuv422p" | "yuv444p" | "yuv420p10le" | "yuv422p10le" | "yuv444p10le";
                        /**
                         * @description `drop`: no audio track; `silent`: a silent track, for platforms that require one
                         * @default drop
                         * @enum {string}
                         */
                        audio?: "drop" | "silent";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OutputProfile"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/output-profiles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an output profile */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OutputProfile"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete an output profile and its renditions (presets are read-only) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change an output profile (presets are read-only: 409 `output_profile.preset`)
         * @description Renditions made with the earlier settings are kept and shown as stale; a new request makes a fresh one.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            /** @description Only the fields given change; the result is checked as a whole */
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        description?: string;
                        /** @enum {string} */
                        container?: "mp4" | "mov" | "webm";
                        /** @enum {string} */
                        videoCodec?: "h264" | "h265" | "vp9" | "prores";
                        /** @description Output width in pixels; null (with height null) keeps the source size */
                        width?: number | null;
                        /** @description Output height in pixels; null (with width null) keeps the source size */
                        height?: number | null;
                        /** @description Frame rate; null keeps the source rate */
                        fps?: number | null;
                        /** @description Constant quality (lower is better); exactly one of crf and bitrateKbps */
                        crf?: number | null;
                        /** @description Target bitrate in kbit/s; exactly one of crf and bitrateKbps */
                        bitrateKbps?: number | null;
                        /** @enum {string} */
                        pixelFormat?: "yuv420p" | "yuv422p" | "yuv444p" | "yuv420p10le" | "yuv422p10le" | "yuv444p10le";
                        /**
                         * @description `drop`: no audio track; `silent`: a silent track, for platforms that require one
                         * @enum {string}
                         */
                        audio?: "drop" | "silent";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OutputProfile"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/output-profiles/{id}/duplicate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Make an editable copy of a profile (of a preset, typically) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Default: "<name> (copy)" */
                        name?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OutputProfile"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/video-versions/{id}/renditions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the renditions of a scene video version (profile transcodes and review cuts), newest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Rendition"][];
                        };
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Make a rendition: a transcode to an output profile, or a watermarked review cut
         * @description Queues a `media.transcode` job (201). The same settings again return the existing rendition (200) unless it failed. `reviewCut: null` uses the project's review watermark. An image watermark must name a stored image (422 `watermark.invalid`); a timecode needs a font on the server (422 `watermark.timecode_unavailable`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            /** @description Either `profileId` or `reviewCut`; the same settings again return the existing rendition */
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description Transcode to this output profile
                         */
                        profileId?: string;
                        /** @description A watermarked review cut; null uses the project's review watermark */
                        reviewCut?: components["schemas"]["WatermarkInput"] | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Rendition"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Rendition"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/watermark-images": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload an image to use as a watermark (its id goes in `imageFileId`) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": {
                        /**
                         * Format: binary
                         * @description A PNG, JPEG or WebP image (transparency is kept)
                         */
                        file: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MediaFile"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Threads of notes on an entity, with their replies; filter by category, failure tag, pinned, resolved
         * @description Reviewers see team notes only. `order=frame` lists notes by frame for a timeline. Pinned threads (`pinned=true`) are the entity’s banners.
         */
        get: {
            parameters: {
                query: {
                    entityType: "project" | "character" | "scene" | "segment" | "video_version";
                    entityId: string;
                    category?: "general" | "direction" | "technical" | "client";
                    /** @description Threads whose first note carries this failure tag */
                    tag?: "face_artifact" | "motion_artifact" | "lighting_mismatch" | "identity_drift" | "continuity_break" | "other";
                    pinned?: "true" | "false";
                    resolved?: "true" | "false";
                    /** @description `frame`: by frame (notes without one last), for a timeline */
                    order?: "newest" | "oldest" | "frame";
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["NoteThreadPage"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Add a note to an entity, optionally at a frame of its video
         * @description Mentions: `@Display Name` in the body (whole display name, any case) or user ids in `mentions`; each person newly mentioned gets a `note.mentioned` notification. An empty body is 422 `note.body_empty`; a frame outside the video 422 `frame.out_of_range`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        entityType: "project" | "character" | "scene" | "segment" | "video_version";
                        /** Format: uuid */
                        entityId: string;
                        /** @description Plain text (Markdown allowed). `@Display Name` mentions a user by display name; the `mentions` list names users by id */
                        body: string;
                        /** @description Segments, video versions and scenes (the final video) only */
                        frame?: number;
                        /**
                         * @description Default `general`
                         * @enum {string}
                         */
                        category?: "general" | "direction" | "technical" | "client";
                        /**
                         * @description Default `team`; `internal` needs content.write
                         * @enum {string}
                         */
                        visibility?: "team" | "internal";
                        /** @description From the controlled list: face_artifact, motion_artifact, lighting_mismatch, identity_drift, continuity_break, other */
                        failureTags?: ("face_artifact" | "motion_artifact" | "lighting_mismatch" | "identity_drift" | "continuity_break" | "other")[];
                        /** @description Users to mention by id (what the composer’s autocomplete picked), in addition to `@Display Name`s in the body */
                        mentions?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["NoteThread"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notes/people": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** People who can be @mentioned (active users), by the start of their display name */
        get: {
            parameters: {
                query?: {
                    /** @description Start of a display name (any case); empty for everyone */
                    q?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MentionCandidates"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get the thread a note belongs to */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["NoteThread"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete your own note (admins: any note) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Edit your own note; returns its thread */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Plain text (Markdown allowed). `@Display Name` mentions a user by display name; the `mentions` list names users by id */
                        body?: string;
                        frame?: number | null;
                        /** @enum {string} */
                        category?: "general" | "direction" | "technical" | "client";
                        /** @enum {string} */
                        visibility?: "team" | "internal";
                        /** @description From the controlled list: face_artifact, motion_artifact, lighting_mismatch, identity_drift, continuity_break, other */
                        failureTags?: ("face_artifact" | "motion_artifact" | "lighting_mismatch" | "identity_drift" | "continuity_break" | "other")[];
                        /** @description Users to mention by id (what the composer’s autocomplete picked), in addition to `@Display Name`s in the body */
                        mentions?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["NoteThread"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/notes/{id}/replies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reply to a note (a reply to a reply joins the same thread); returns the thread */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Plain text (Markdown allowed). `@Display Name` mentions a user by display name; the `mentions` list names users by id */
                        body: string;
                        /** @description From the controlled list: face_artifact, motion_artifact, lighting_mismatch, identity_drift, continuity_break, other */
                        failureTags?: ("face_artifact" | "motion_artifact" | "lighting_mismatch" | "identity_drift" | "continuity_break" | "other")[];
                        /** @description Users to mention by id (what the composer’s autocomplete picked), in addition to `@Display Name`s in the body */
                        mentions?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["NoteThread"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notes/{id}/pin": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pin a thread: it shows as a banner on its entity */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["NoteThread"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notes/{id}/unpin": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Unpin a thread */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["NoteThread"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notes/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark a thread resolved */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["NoteThread"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notes/{id}/reopen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reopen a resolved thread */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["NoteThread"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/media/{fileId}/annotations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The frames of a segment clip or scene video that carry annotations */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    fileId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AnnotatedFrames"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/media/{fileId}/annotations/{frame}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The annotation of one frame: every layer’s shapes (an empty list when none) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    fileId: string;
                    frame: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FrameAnnotation"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /**
         * Save your layer of shapes on a frame (pen, arrow, rect, text; coordinates 0–1)
         * @description Replaces what you drew on this frame before; other people’s layers stay. `[]` removes your layer.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    fileId: string;
                    frame: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Your layer on this frame, replacing what you drew before; other people’s layers stay */
                        shapes: ({
                            /** @enum {string} */
                            type: "pen";
                            /** @description The client’s id for the shape (kept as given) */
                            id?: string;
                            points: [
                                number,
                                number
                            ][];
                            /** @description `#rrggbb` */
                            color: string;
                            /** @description Line width as a fraction of the frame’s width */
                            stroke: number;
                        } | {
                            /** @enum {string} */
                            type: "arrow";
                            /** @description The client’s id for the shape (kept as given) */
                            id?: string;
                            /** @description [x, y], 0–1 of the frame’s width and height from the top left */
                            from: [
                                number,
                                number
                            ];
                            /** @description [x, y], 0–1 of the frame’s width and height from the top left */
                            to: [
                                number,
                                number
                            ];
                            /** @description `#rrggbb` */
                            color: string;
                            /** @description Line width as a fraction of the frame’s width */
                            stroke: number;
                        } | {
                            /** @enum {string} */
                            type: "rect";
                            /** @description The client’s id for the shape (kept as given) */
                            id?: string;
                            x: number;
                            y: number;
                            w: number;
                            h: number;
                            /** @description `#rrggbb` */
                            color: string;
                            /** @description Line width as a fraction of the frame’s width */
                            stroke: number;
                        } | {
                            /** @enum {string} */
                            type: "text";
                            /** @description The client’s id for the shape (kept as given) */
                            id?: string;
                            /** @description Left of the text */
                            x: number;
                            /** @description Baseline of the text */
                            y: number;
                            text: string;
                            /** @description `#rrggbb` */
                            color: string;
                            /** @description Font size as a fraction of the frame’s height */
                            size: number;
                        })[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FrameAnnotation"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/media/{fileId}/annotations/{frame}.png": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Export a frame with its annotations as a PNG at the video’s full resolution */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    fileId: string;
                    frame: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/characters/{id}/poster": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The poster frame of a character */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PosterState"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /**
         * Set the poster frame of a character from an image or a frame of a video
         * @description Without `fileId`, a frame of the first of its scenes that has a video. A file that is neither image nor video is 422 `poster.unsupported_file`; a frame outside the video 422 `frame.out_of_range`.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description An image (used as it is) or a video (a frame of it); scenes default to their video
                         */
                        fileId?: string;
                        /** @description 0-based frame of the video (default 0) */
                        frame?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PosterState"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        /** Forget the chosen poster of a character (lists show the usual thumbnail) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/characters/{id}/poster/auto": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pick the character’s poster automatically: the frame with the best face, else the sharpest
         * @description Samples frames of the video(s), scores faces with the QA face detector (confidence × size) and keeps the best. When face detection is off or finds no face, takes the sharpest frame (or the middle one) and says so in `method` and `detail`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AutoPoster"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scenes/{id}/poster": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The poster frame of a scene */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PosterState"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /**
         * Set the poster frame of a scene from an image or a frame of a video
         * @description Without `fileId`, a frame of the scene’s own video (final version, else newest, else first segment). A file that is neither image nor video is 422 `poster.unsupported_file`; a frame outside the video 422 `frame.out_of_range`.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description An image (used as it is) or a video (a frame of it); scenes default to their video
                         */
                        fileId?: string;
                        /** @description 0-based frame of the video (default 0) */
                        frame?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PosterState"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        /** Forget the chosen poster of a scene (lists show the usual thumbnail) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scenes/{id}/poster/auto": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pick the scene’s poster automatically: the frame with the best face, else the sharpest
         * @description Samples frames of the video(s), scores faces with the QA face detector (confidence × size) and keeps the best. When face detection is off or finds no face, takes the sharpest frame (or the middle one) and says so in `method` and `detail`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AutoPoster"];
                    };
                };
                /** @description Problem (RFC 9457) naming the error code and, for bad input, the field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AuditEventInput: {
            /** @description Sequence number of the event in the chain */
            id: string;
            /** Format: date-time */
            occurredAt: string;
            action: string;
            /** @description Who did it; label is "system" for the studio itself */
            actor: {
                id: string | null;
                email: string | null;
                label: string;
            };
            entityType: string | null;
            entityId: string | null;
            summary: string;
            details: {
                [key: string]: unknown;
            };
            ip: string | null;
            userAgent: string | null;
            requestId: string | null;
            hash: string;
        };
        AuditEventPageInput: {
            items: components["schemas"]["AuditEventInput"][];
            /** @description Pass as `cursor` to get the next page; null on the last page */
            nextCursor: string | null;
        };
        UserInput: {
            /** Format: uuid */
            id: string;
            email: string;
            displayName: string;
            /** @enum {string} */
            role: "admin" | "creator" | "reviewer";
            isActive: boolean;
            mustChangePassword: boolean;
            lockedUntil: string | null;
            lastLoginAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        UserPageInput: {
            items: components["schemas"]["UserInput"][];
            /** @description Pass as `cursor` to get the next page; null on the last page */
            nextCursor: string | null;
        };
        SessionInput: {
            accessToken: string;
            /** @description Access token lifetime in seconds */
            expiresIn: number;
            user: components["schemas"]["UserInput"];
        };
        TagListInput: {
            items: {
                name: string;
                characters: number;
                sceneTypes: number;
            }[];
        };
        MediaFileInput: {
            /** Format: uuid */
            id: string;
            /** @description Signed, time-limited URL of the full image (usable in <img src>) */
            url: string;
            /** @description Signed, time-limited URL of a 320 px WebP thumbnail */
            thumbnailUrl: string | null;
            mimeType: string;
            width: number | null;
            height: number | null;
            sizeBytes: number;
            sha256: string;
            originalFilename: string | null;
        };
        SourceImageQaInput: {
            faceFound: boolean;
            /** @description Face detector confidence, 0…1 */
            faceScore: number;
            /** @description Variance of the Laplacian at ≤ 512 px; low is blurry */
            sharpness: number | null;
            problems: {
                /** @enum {string} */
                code: "low_resolution" | "no_face" | "weak_face" | "blurry";
                message: string;
            }[];
            /** Format: date-time */
            analysedAt: string;
        };
        SourceImageInput: {
            /** Format: uuid */
            id: string;
            file: components["schemas"]["MediaFileInput"];
            isCurrent: boolean;
            /** @description Source-image QA (PRD-022) and the likeness baseline; null until analysed (a background job) */
            qa: components["schemas"]["SourceImageQaInput"] | null;
            /** Format: date-time */
            createdAt: string;
        };
        ImageVariantInput: {
            /** Format: uuid */
            id: string;
            variantType: {
                /** Format: uuid */
                id: string;
                slug: string;
                name: string;
            };
            /** @enum {string} */
            status: "pending" | "generated" | "approved" | "rejected";
            isHero: boolean;
            /** @enum {string} */
            provenance: "upload" | "generated" | "edited";
            file: components["schemas"]["MediaFileInput"];
            decidedBy: {
                /** Format: uuid */
                id: string;
                displayName: string;
            } | null;
            decidedAt: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        CharacterSummaryInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            projectId: string;
            name: string;
            /** @description Thumbnail of the current source image */
            thumbnailUrl: string | null;
            /** @description Thumbnail of the chosen poster frame (PRD-096); lists show it instead of the source image */
            posterUrl: string | null;
            /** @description Image variant types with an approved hero */
            heroCount: number;
            variantCount: number;
            tags: string[];
            /** @description Percentage of the metadata schema’s fields that have a value; null without a schema */
            metadataCompleteness: number | null;
            deletedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        CharacterInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            projectId: string;
            name: string;
            /** @description Thumbnail of the current source image */
            thumbnailUrl: string | null;
            /** @description Thumbnail of the chosen poster frame (PRD-096); lists show it instead of the source image */
            posterUrl: string | null;
            /** @description Image variant types with an approved hero */
            heroCount: number;
            variantCount: number;
            tags: string[];
            /** @description Percentage of the metadata schema’s fields that have a value; null without a schema */
            metadataCompleteness: number | null;
            deletedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            metadata: {
                [key: string]: unknown;
            };
            settings: {
                [key: string]: unknown;
            };
            sourceImage: components["schemas"]["SourceImageInput"] | null;
            /** @description Replaced source images, newest first */
            sourceHistory: components["schemas"]["SourceImageInput"][];
            variants: components["schemas"]["ImageVariantInput"][];
            /** @description Where the stored metadata breaks the project’s current metadata schema */
            metadataProblems: {
                field: string;
                message: string;
            }[];
        };
        CharacterPageInput: {
            items: components["schemas"]["CharacterSummaryInput"][];
            /** @description Pass as `cursor` to get the next page; null on the last page */
            nextCursor: string | null;
        };
        AssemblyPreviewInput: {
            /** Format: uuid */
            sceneId: string;
            /** @description Every current segment is approved */
            ready: boolean;
            /** @description Segment indexes not approved yet */
            unapproved: number[];
            method: ("copy" | "reencode") | null;
            /** @description Why a re-encode is needed */
            reasons: string[];
            joins: {
                /** @description Between segment `join` and `join + 1` */
                join: number;
                /** @description SSIM of the last frame kept before the join and the first after it */
                ssim: number | null;
                smoothed: boolean;
                accepted: boolean;
            }[];
            frames: number | null;
            durationSeconds: number | null;
            /** @description Why the scene cannot be assembled as it is */
            problem: string | null;
            /** @description The final version when it was assembled from exactly the current segments */
            assembled: {
                /** Format: uuid */
                versionId: string;
                versionNumber: number;
            } | null;
        };
        DeliveryValidationInput: {
            /** Format: uuid */
            projectId: string;
            /** @description No errors: the project can be delivered */
            ok: boolean;
            problems: {
                /** @description Stable code, e.g. `scene.not_approved`, `scene.not_assembled`, `name.duplicate` */
                code: string;
                /**
                 * @description Errors block a delivery; warnings do not
                 * @enum {string}
                 */
                severity: "error" | "warning";
                message: string;
                characterId: string | null;
                characterName: string | null;
                sceneId: string | null;
                /** @description Where in the studio to fix it (a path of the web app) */
                fix: string;
            }[];
            characters: {
                /** Format: uuid */
                id: string;
                name: string;
                folder: string;
                files: {
                    /** @description Path inside the ZIP */
                    path: string;
                    /** @enum {string} */
                    kind: "video" | "image" | "metadata";
                    sceneId: string | null;
                }[];
                /** @description Content differs from the last ready delivery with the same profile */
                changed: boolean;
            }[];
            /** @description Files checked by full decode (deep validation) */
            checkedFiles: number;
            lastDelivery: {
                /** Format: uuid */
                id: string;
                number: number;
                /** Format: date-time */
                createdAt: string;
            } | null;
        };
        DeliveryInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            projectId: string;
            number: number;
            /** @enum {string} */
            mode: "full" | "incremental";
            profile: {
                id: string | null;
                name: string;
            } | null;
            /** @enum {string} */
            status: "queued" | "running" | "ready" | "failed";
            progress: number;
            characters: {
                /** Format: uuid */
                id: string;
                name: string;
                folder: string;
            }[];
            /** @description Files in the ZIP (manifest included) */
            files: number;
            sizeBytes: number | null;
            sha256: string | null;
            /** @description Only once the ZIP is complete */
            downloadUrl: string | null;
            jobId: string | null;
            errorCode: string | null;
            error: string | null;
            requestedBy: {
                /** Format: uuid */
                id: string;
                displayName: string;
            } | null;
            /** Format: date-time */
            createdAt: string;
            finishedAt: string | null;
        };
        ProblemInput: {
            type: string;
            title: string;
            status: number;
            /** @description Stable machine-readable error code */
            code: string;
            detail: string;
            instance?: string;
            requestId?: string;
            errors?: {
                /** @description Dotted path of the offending field, e.g. `body.email` */
                field: string;
                message: string;
            }[];
        };
        WorkerVitalsSampleInput: {
            /** Format: date-time */
            sampledAt: string;
            /** @description % */
            gpuUtilization: number | null;
            temperatureC: number | null;
            vramUsedBytes: number | null;
            vramTotalBytes: number | null;
            ramUsedBytes: number | null;
            queueRunning: number | null;
            queuePending: number | null;
        };
        WorkerInput: {
            /** Format: uuid */
            id: string;
            name: string;
            url: string;
            tags: string[];
            maxConcurrency: number;
            /** @enum {string} */
            adminState: "enabled" | "draining" | "disabled" | "decommissioned";
            /** @enum {string} */
            health: "unknown" | "healthy" | "degraded" | "down";
            /** @description Why the worker is not healthy */
            healthDetail: string | null;
            comfyVersion: string | null;
            gpuName: string | null;
            vramTotalBytes: number | null;
            /** @description A comfy-sim started by this studio */
            isSimulated: boolean;
            /** @description Last answered health check */
            lastSeenAt: string | null;
            lastCheckedAt: string | null;
            decommissionedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description The latest sample */
            vitals: components["schemas"]["WorkerVitalsSampleInput"] | null;
        };
        WorkerPageInput: {
            items: components["schemas"]["WorkerInput"][];
            /** @description Pass as `cursor` to get the next page; null on the last page */
            nextCursor: string | null;
        };
        WorkerEventInput: {
            id: string;
            /** @enum {string} */
            kind: "registered" | "state_changed" | "health_changed" | "threshold_exceeded" | "threshold_cleared" | "updated";
            /** @enum {string} */
            severity: "info" | "warning" | "critical";
            message: string;
            details: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            createdAt: string;
        };
        WorkerEventPageInput: {
            items: components["schemas"]["WorkerEventInput"][];
            /** @description Pass as `cursor` to get the next page; null on the last page */
            nextCursor: string | null;
        };
        WorkerVitalsBucketInput: {
            /**
             * Format: date-time
             * @description Start of the bucket
             */
            at: string;
            samples: number;
            gpuUtilizationAvg: number | null;
            gpuUtilizationMax: number | null;
            temperatureAvg: number | null;
            temperatureMax: number | null;
            vramUsedAvg: number | null;
            vramUsedMax: number | null;
            vramTotal: number | null;
            /** @description Running + pending prompts */
            queueAvg: number | null;
            queueMax: number | null;
        };
        WorkerVitalsInput: {
            /** @enum {string} */
            window: "1h" | "6h" | "24h";
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
            bucketSeconds: number;
            /** @description Only buckets with samples, oldest first (≤ 120) */
            buckets: components["schemas"]["WorkerVitalsBucketInput"][];
        };
        SystemHealthInput: {
            /** Format: date-time */
            checkedAt: string;
            database: {
                ok: boolean;
                /** @enum {string} */
                kind: "pglite" | "postgres";
                pingMs: number | null;
                detail: string | null;
            };
            storage: {
                ok: boolean;
                dataDir: string;
                writable: boolean;
                freeBytes: number | null;
                totalBytes: number | null;
                detail: string | null;
            };
            workers: {
                /** @description At least one enabled worker is healthy */
                ok: boolean;
                /** @description Not decommissioned */
                total: number;
                byHealth: {
                    unknown: number;
                    healthy: number;
                    degraded: number;
                    down: number;
                };
                byAdminState: {
                    enabled: number;
                    draining: number;
                    disabled: number;
                    decommissioned: number;
                };
                healthLoop: {
                    running: boolean;
                    intervalMs: number;
                    lastRunAt: string | null;
                    lastRunMs: number | null;
                };
            };
            eventBus: {
                available: boolean;
                detail: string;
            };
            jobs: {
                /** @description This process schedules and no job has waited for a free, suitable worker too long */
                ok: boolean;
                engineRunning: boolean;
                /** @description This process claims GPU jobs (scheduler and bridge roles) */
                gpu: boolean;
                /** @description CPU jobs this process runs at once (media role) */
                cpuSlots: number;
                lastTickAt: string | null;
                lastTickMs: number | null;
                runningHere: number;
                /** @description Jobs per state, all processes */
                byState: {
                    [key: string]: number;
                };
                oldestQueuedAt: string | null;
            };
        };
        ComfyRenderPayloadInput: {
            /**
             * Format: uuid
             * @description The workflow version to run
             */
            workflowVersionId: string;
            /**
             * Format: uuid
             * @description Media file loaded by every LoadImage node (a test frame when absent)
             */
            inputImageId?: string;
            /**
             * Format: uuid
             * @description Media file for the `end_image` slot of first-last-frame (transition) workflows
             */
            endImageId?: string;
            /** @description Slot key → value, e.g. `{ "positive_prompt": "…", "length": 33 }` */
            parameters?: {
                [key: string]: string | number | boolean;
            };
            /** @description Fixed seed; a fresh one per attempt when absent */
            seed?: number;
            /** @description Expected GPU time */
            estimatedSeconds?: number;
            /** @description comfy-sim fault injection (ignored by a real ComfyUI) */
            sim?: {
                failAt?: string;
                failMessage?: string;
                stallMs?: number;
                slowdown?: number;
                dropSocket?: boolean;
                restart?: boolean;
                /** @enum {string} */
                frames?: "black" | "frozen" | "drift" | "noface" | "jump" | "swap";
                /** @description An input image already uploaded to the worker: where `frames: 'swap'` drifts to */
                swapImage?: string;
                historyDelayMs?: number;
                corrupt?: boolean;
            };
        };
        RetentionSweepPayloadInput: Record<string, never>;
        ImportJobPayloadInput: {
            /**
             * Format: uuid
             * @description The character import
             */
            importId: string;
        };
        ImageAnalysePayloadInput: {
            /**
             * Format: uuid
             * @description The image (media file) to analyse
             */
            fileId: string;
        };
        VariantCollectPayloadInput: {
            /** Format: uuid */
            characterId: string;
            /** Format: uuid */
            variantTypeId: string;
            /**
             * Format: uuid
             * @description The image-to-image render whose pictures become variants
             */
            renderJobId: string;
        };
        SegmentQaPayloadInput: {
            /**
             * Format: uuid
             * @description The segment to check
             */
            segmentId: string;
        };
        NotificationDigestPayloadInput: Record<string, never>;
        JobKindInfoInput: {
            kind: string;
            label: string;
            /** @enum {string} */
            resource: "gpu" | "cpu";
            description: string;
        };
        CreateJobInput: {
            /** @description One of comfy.render, retention.sweep, notifications.digest, import.analyse, import.commit, segment.qa, image.analyse, variant.collect, media.transcode, scene.assemble, delivery.package */
            kind: string;
            /**
             * @description IDs and settings; checked per kind
             * @default {}
             */
            payload: {
                [key: string]: unknown;
            };
            /**
             * @default normal
             * @enum {string}
             */
            priority: "urgent" | "normal" | "background";
            /** Format: uuid */
            projectId?: string;
            /**
             * @description A worker must carry every one
             * @default []
             */
            requiredTags: string[];
            /**
             * @description Break ties between suitable workers
             * @default []
             */
            preferredTags: string[];
            /**
             * Format: date-time
             * @description Do not start before this time (scheduled submission)
             */
            runAt?: string;
            /**
             * @description Only start inside the off-peak window
             * @default false
             */
            offPeakOnly: boolean;
            /**
             * @description Jobs that must complete first
             * @default []
             */
            dependsOn: string[];
            /**
             * @default cancel
             * @enum {string}
             */
            onDependencyFailure: "cancel" | "run";
            /**
             * @description Attempts after infrastructure failures
             * @default 3
             */
            maxAttempts: number;
            /** @description Shown in the tray and the queue */
            label?: string;
            /**
             * @description Not counted against budgets and quotas (needs the "jobs.manage" permission)
             * @default false
             */
            budgetExempt: boolean;
        };
        JobErrorInput: {
            /** @description `content` (the workflow failed), `infrastructure`, `cancelled`, `dependency`… */
            code: string;
            message: string;
            nodeId?: string | null;
            nodeType?: string | null;
            traceback?: string[];
            retryable: boolean;
        };
        JobOutputInput: {
            /** Format: uuid */
            mediaId: string;
            filename: string;
            mimeType: string;
            sizeBytes: number;
            /** @description Signed link */
            url: string;
        };
        JobCheckpointInput: {
            step: string;
            /** Format: date-time */
            at: string;
            data: {
                [key: string]: unknown;
            };
        };
        JobInput: {
            /** Format: uuid */
            id: string;
            kind: string;
            label: string;
            /** @enum {string} */
            resource: "gpu" | "cpu";
            /** @enum {string} */
            state: "pending" | "scheduled" | "queued" | "dispatched" | "running" | "paused" | "retrying" | "completed" | "failed" | "cancelled";
            /** @enum {string} */
            priority: "urgent" | "normal" | "background";
            payload: {
                [key: string]: unknown;
            };
            owner: {
                /** Format: uuid */
                id: string;
                displayName: string;
            } | null;
            projectId: string | null;
            projectName: string | null;
            requiredTags: string[];
            preferredTags: string[];
            worker: {
                /** Format: uuid */
                id: string;
                name: string;
            } | null;
            attempts: number;
            maxAttempts: number;
            /** @description 0…1 */
            progress: number;
            progressText: string | null;
            runAt: string | null;
            offPeakOnly: boolean;
            budgetExempt: boolean;
            /** @description GPU time of its finished attempts */
            gpuSeconds: number;
            /** @description A running job pauses at its next checkpoint */
            pauseRequested: boolean;
            /** @description ComfyUI prompt id of the current attempt */
            promptId: string | null;
            result: {
                [key: string]: unknown;
            } | null;
            error: components["schemas"]["JobErrorInput"] | null;
            outputs: components["schemas"]["JobOutputInput"][];
            checkpoints: components["schemas"]["JobCheckpointInput"][];
            dependsOn: string[];
            /** @enum {string} */
            onDependencyFailure: "cancel" | "run";
            parentId: string | null;
            queuedAt: string | null;
            startedAt: string | null;
            finishedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        JobPageInput: {
            items: components["schemas"]["JobInput"][];
            /** @description Pass as `cursor` to get the next page; null on the last page */
            nextCursor: string | null;
        };
        JobSummaryInput: {
            running: number;
            /** @description Queued, scheduled, retrying, pending and paused */
            queued: number;
            /** @description Failed in the last 24 hours */
            failedRecently: number;
            /** @description Mean progress of running jobs */
            progress: number | null;
            /** @description Running and waiting jobs, running first, at most 20 */
            active: components["schemas"]["JobInput"][];
        };
        JobEventInput: {
            id: number;
            /** @enum {string} */
            kind: "transition" | "log" | "moved" | "checkpoint";
            fromState: ("pending" | "scheduled" | "queued" | "dispatched" | "running" | "paused" | "retrying" | "completed" | "failed" | "cancelled") | null;
            toState: ("pending" | "scheduled" | "queued" | "dispatched" | "running" | "paused" | "retrying" | "completed" | "failed" | "cancelled") | null;
            attempt: number;
            message: string;
            /** @enum {string} */
            level: "info" | "warning" | "error";
            worker: {
                /** Format: uuid */
                id: string;
                name: string;
            } | null;
            actor: {
                /** Format: uuid */
                id: string;
                displayName: string;
            } | null;
            details: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            at: string;
        };
        JobEventListInput: {
            items: components["schemas"]["JobEventInput"][];
        };
        BulkJobResultInput: {
            results: {
                /** Format: uuid */
                id: string;
                ok: boolean;
                code: string | null;
                detail: string | null;
            }[];
        };
        CreateJobScheduleInput: {
            name: string;
            /** @description Five or six fields (`0 3 * * *`: every day at 03:00), or a nickname like `@daily` */
            cron: string;
            /**
             * @description IANA time zone the cron fields are read in
             * @default UTC
             */
            timezone: string;
            /** @default true */
            enabled: boolean;
            job: {
                /** @description One of comfy.render, retention.sweep, notifications.digest, import.analyse, import.commit, segment.qa, image.analyse, variant.collect, media.transcode, scene.assemble, delivery.package */
                kind: string;
                /**
                 * @description IDs and settings; checked per kind
                 * @default {}
                 */
                payload: {
                    [key: string]: unknown;
                };
                /**
                 * @default normal
                 * @enum {string}
                 */
                priority: "urgent" | "normal" | "background";
                /** Format: uuid */
                projectId?: string;
                /**
                 * @description A worker must carry every one
                 * @default []
                 */
                requiredTags: string[];
                /**
                 * @description Break ties between suitable workers
                 * @default []
                 */
                preferredTags: string[];
                /**
                 * @description Only start inside the off-peak window
                 * @default false
                 */
                offPeakOnly: boolean;
                /**
                 * @description Attempts after infrastructure failures
                 * @default 3
                 */
                maxAttempts: number;
                /** @description Shown in the tray and the queue */
                label?: string;
                /**
                 * @description Not counted against budgets and quotas (needs the "jobs.manage" permission)
                 * @default false
                 */
                budgetExempt: boolean;
            };
        };
        UpdateJobScheduleInput: {
            name?: string;
            cron?: string;
            timezone?: string;
            enabled?: boolean;
        };
        JobScheduleInput: {
            /** Format: uuid */
            id: string;
            name: string;
            cron: string;
            timezone: string;
            enabled: boolean;
            job: {
                [key: string]: unknown;
            };
            owner: {
                /** Format: uuid */
                id: string;
                displayName: string;
            } | null;
            nextRunAt: string | null;
            lastRunAt: string | null;
            lastJobId: string | null;
            /** @description Why the last occurrence could not be submitted */
            lastError: string | null;
            /** @description The next five occurrences */
            upcoming: string[];
            /** Format: date-time */
            createdAt: string;
        };
        CreateBudgetInput: {
            /** @enum {string} */
            scope: "project" | "user";
            /**
             * Format: uuid
             * @description For a project budget
             */
            projectId?: string;
            /**
             * Format: uuid
             * @description For a user's quota
             */
            userId?: string;
            /** @description GPU hours */
            limitHours: number;
            /**
             * @description `total` for a whole budget; day/week/month reset (UTC)
             * @default total
             * @enum {string}
             */
            period: "total" | "day" | "week" | "month";
            /**
             * @description Fractions of the limit at which the owner is warned, e.g. [0.75, 0.9]
             * @default [
             *       0.75,
             *       0.9
             *     ]
             */
            warnAt: number[];
            /**
             * @description Hold new work once the limit is reached (false: warn only)
             * @default true
             */
            hardLimit: boolean;
        };
        UpdateBudgetInput: {
            limitHours?: number;
            /** @enum {string} */
            period?: "total" | "day" | "week" | "month";
            warnAt?: number[];
            hardLimit?: boolean;
        };
        BudgetInput: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            scope: "project" | "user";
            project: {
                /** Format: uuid */
                id: string;
                name: string;
            } | null;
            user: {
                /** Format: uuid */
                id: string;
                displayName: string;
            } | null;
            limitHours: number;
            /** @enum {string} */
            period: "total" | "day" | "week" | "month";
            periodStart: string | null;
            /** @description GPU hours of finished work in the period (exempt jobs not counted) */
            usedHours: number;
            /** @description GPU hours of exempt jobs in the period, shown but not counted */
            exemptHours: number;
            fraction: number;
            /** @enum {string} */
            state: "ok" | "warning" | "exceeded";
            remainingHours: number;
            /** @description At the last 7 days’ rate; null when nothing is being used */
            daysLeft: number | null;
            warnAt: number[];
            hardLimit: boolean;
        };
        DomainEventInput: {
            id: number;
            /** @enum {string} */
            type: "job.created" | "job.state_changed" | "job.progress" | "job.updated" | "job.moved" | "notification.created" | "scene.run_changed" | "segment.updated" | "note.changed" | "annotation.changed";
            /** Format: date-time */
            at: string;
            projectId: string | null;
            userId: string | null;
            payload: {
                [key: string]: unknown;
            };
        };
        NotificationInput: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            level: "info" | "success" | "warning" | "error";
            title: string;
            body: string;
            /** @description App path to open, e.g. `/jobs/…` */
            link: string | null;
            kind: string;
            /**
             * @description held: waiting for do-not-disturb to end; digest: summarised
             * @enum {string}
             */
            delivery: "live" | "held" | "digest";
            readAt: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        NotificationPageInput: {
            items: components["schemas"]["NotificationInput"][];
            nextCursor: string | null;
            unread: number;
        };
        NotificationPreferencesInput: {
            /** @description Per kind: `in_app` (live toast and the list), `digest` (collected into a periodic summary), `muted` */
            kinds: {
                [key: string]: "in_app" | "digest" | "muted";
            };
            /**
             * @description How often the digest comes
             * @enum {string}
             */
            digest: "hourly" | "daily";
            /** @description Holds non-critical notifications; they arrive when it ends */
            doNotDisturb: boolean;
            /** @description Ends do-not-disturb by itself at this time */
            doNotDisturbUntil: string | null;
        };
        ImageVariantTypeInput: {
            /** Format: uuid */
            id: string;
            name: string;
            slug: string;
            /** @description Prefix of delivered file names; empty for the default type */
            filePrefix: string;
            isDefault: boolean;
            sortOrder: number;
            /** @description How this variant is derived from a source image (PRD-021) */
            generation: {
                /** @description Image-to-image workflow version; null: not generated */
                workflowVersionId: string | null;
                workflowName: string | null;
                /** @description Its prompt; `{character_name}` and `{metadata.field}` are filled in */
                prompt: string;
            };
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        VariantGenerationInput: {
            /**
             * Format: uuid
             * @description The image-to-image render (GPU)
             */
            renderJobId: string;
            /**
             * Format: uuid
             * @description Registers its pictures as `generated` variants
             */
            collectJobId: string;
        };
        ImportFileInput: {
            path: string;
            size: number;
            /** @enum {string} */
            role: "source" | "variant" | "metadata" | "ignored";
            variantTypeSlug?: string;
            /** @description Why the file is ignored */
            note?: string;
        };
        ImportEntryInput: {
            /** @description Path of the character folder inside the upload; identifies the entry */
            folder: string;
            /** @description Character name: the folder name, or the rename chosen in the preview */
            name: string;
            /**
             * @description What importing does: a new character, new images or metadata for an existing one, nothing
             * @enum {string}
             */
            action: "create" | "update" | "unchanged" | "skip";
            /** @description The entry cannot be imported while it has errors */
            errors: string[];
            warnings: string[];
            newImages: number;
            sourceImage: boolean;
            /** @description New variant images per variant type slug */
            variants: {
                [key: string]: number;
            };
            metadataChange: boolean;
            metadata: {
                [key: string]: unknown;
            } | null;
            files: components["schemas"]["ImportFileInput"][];
        };
        CharacterImportInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            projectId: string;
            /** @enum {string} */
            status: "analysing" | "ready" | "importing" | "completed" | "failed" | "cancelled";
            /** @enum {string} */
            sourceKind: "folder" | "zip";
            sourceName: string;
            createdBy: {
                /** Format: uuid */
                id: string;
                displayName: string;
            } | null;
            progress: {
                done: number;
                total: number;
            };
            /** @description Null while the upload is being analysed */
            totals: {
                entries: number;
                create: number;
                update: number;
                unchanged: number;
                skip: number;
                withErrors: number;
                newImages: number;
            } | null;
            entries: components["schemas"]["ImportEntryInput"][];
            /** @description Files outside any character folder */
            ignoredFiles: components["schemas"]["ImportFileInput"][];
            report: {
                created: number;
                updated: number;
                unchanged: number;
                skipped: number;
                images: number;
                characters: {
                    folder: string;
                    name: string;
                    characterId: string | null;
                    /** @enum {string} */
                    action: "create" | "update" | "unchanged" | "skip";
                }[];
            } | null;
            error: string | null;
            startedAt: string | null;
            finishedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        CharacterImportPageInput: {
            items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                projectId: string;
                /** @enum {string} */
                status: "analysing" | "ready" | "importing" | "completed" | "failed" | "cancelled";
                /** @enum {string} */
                sourceKind: "folder" | "zip";
                sourceName: string;
                createdBy: {
                    /** Format: uuid */
                    id: string;
                    displayName: string;
                } | null;
                progress: {
                    done: number;
                    total: number;
                };
                /** @description Null while the upload is being analysed */
                totals: {
                    entries: number;
                    create: number;
                    update: number;
                    unchanged: number;
                    skip: number;
                    withErrors: number;
                    newImages: number;
                } | null;
                report: {
                    created: number;
                    updated: number;
                    unchanged: number;
                    skipped: number;
                    images: number;
                    characters: {
                        folder: string;
                        name: string;
                        characterId: string | null;
                        /** @enum {string} */
                        action: "create" | "update" | "unchanged" | "skip";
                    }[];
                } | null;
                error: string | null;
                startedAt: string | null;
                finishedAt: string | null;
                /** Format: date-time */
                createdAt: string;
                /** Format: date-time */
                updatedAt: string;
            }[];
            /** @description Pass as `cursor` to get the next page; null on the last page */
            nextCursor: string | null;
        };
        MetadataImportPreviewInput: {
            rows: {
                /** @description Line of the CSV (header is 1), or position in the JSON list from 1 */
                line: number;
                name: string;
                characterId: string | null;
                changes: {
                    field: string;
                    from: unknown;
                    to: unknown;
                }[];
                errors: string[];
            }[];
            totals: {
                rows: number;
                changed: number;
                unchanged: number;
                withErrors: number;
            };
        };
        MetadataImportResultInput: {
            updated: number;
            unchanged: number;
            skipped: number;
        };
        NoteInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            projectId: string;
            /** @enum {string} */
            entityType: "project" | "character" | "scene" | "segment" | "video_version";
            /**
             * Format: uuid
             * @description The project, character, scene, segment or scene video version
             */
            entityId: string;
            /**
             * Format: uuid
             * @description The first note of the thread (the note itself when it starts one)
             */
            threadId: string;
            parentId: string | null;
            /** @description 0-based frame of the entity’s video the note is about */
            frame: number | null;
            /** @description `HH:MM:SS:FF` of `frame` when the video’s frame rate is known */
            timecode: string | null;
            /** @description Empty when deleted */
            body: string;
            /** @enum {string} */
            category: "general" | "direction" | "technical" | "client";
            /** @enum {string} */
            visibility: "team" | "internal";
            failureTags: ("face_artifact" | "motion_artifact" | "lighting_mismatch" | "identity_drift" | "continuity_break" | "other")[];
            pinned: boolean;
            pinnedAt: string | null;
            resolved: boolean;
            resolvedAt: string | null;
            resolvedBy: {
                /** Format: uuid */
                id: string;
                displayName: string;
            } | null;
            author: {
                /** Format: uuid */
                id: string;
                displayName: string;
            };
            mentions: {
                /** Format: uuid */
                id: string;
                displayName: string;
            }[];
            editedAt: string | null;
            /** @description Deleted notes stay in their thread while it has live replies */
            deleted: boolean;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        NoteThreadInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            projectId: string;
            /** @enum {string} */
            entityType: "project" | "character" | "scene" | "segment" | "video_version";
            /**
             * Format: uuid
             * @description The project, character, scene, segment or scene video version
             */
            entityId: string;
            /**
             * Format: uuid
             * @description The first note of the thread (the note itself when it starts one)
             */
            threadId: string;
            parentId: string | null;
            /** @description 0-based frame of the entity’s video the note is about */
            frame: number | null;
            /** @description `HH:MM:SS:FF` of `frame` when the video’s frame rate is known */
            timecode: string | null;
            /** @description Empty when deleted */
            body: string;
            /** @enum {string} */
            category: "general" | "direction" | "technical" | "client";
            /** @enum {string} */
            visibility: "team" | "internal";
            failureTags: ("face_artifact" | "motion_artifact" | "lighting_mismatch" | "identity_drift" | "continuity_break" | "other")[];
            pinned: boolean;
            pinnedAt: string | null;
            resolved: boolean;
            resolvedAt: string | null;
            resolvedBy: {
                /** Format: uuid */
                id: string;
                displayName: string;
            } | null;
            author: {
                /** Format: uuid */
                id: string;
                displayName: string;
            };
            mentions: {
                /** Format: uuid */
                id: string;
                displayName: string;
            }[];
            editedAt: string | null;
            /** @description Deleted notes stay in their thread while it has live replies */
            deleted: boolean;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description Oldest first */
            replies: components["schemas"]["NoteInput"][];
        };
        NoteThreadPageInput: {
            items: components["schemas"]["NoteThreadInput"][];
            nextCursor: string | null;
            /** @description Threads matching the filter */
            total: number;
        };
        AnnotatedShapeInput: {
            /** @constant */
            type: "pen";
            /** @description The client’s id for the shape (kept as given) */
            id?: string;
            points: [
                number,
                number
            ][];
            /** @description `#rrggbb` */
            color: string;
            /** @description Line width as a fraction of the frame’s width */
            stroke: number;
            /** @description Whose layer it is on */
            author: {
                /** Format: uuid */
                id: string;
                displayName: string;
            } | null;
        } | {
            /** @constant */
            type: "arrow";
            /** @description The client’s id for the shape (kept as given) */
            id?: string;
            /** @description [x, y], 0–1 of the frame’s width and height from the top left */
            from: [
                number,
                number
            ];
            /** @description [x, y], 0–1 of the frame’s width and height from the top left */
            to: [
                number,
                number
            ];
            /** @description `#rrggbb` */
            color: string;
            /** @description Line width as a fraction of the frame’s width */
            stroke: number;
            /** @description Whose layer it is on */
            author: {
                /** Format: uuid */
                id: string;
                displayName: string;
            } | null;
        } | {
            /** @constant */
            type: "rect";
            /** @description The client’s id for the shape (kept as given) */
            id?: string;
            x: number;
            y: number;
            w: number;
            h: number;
            /** @description `#rrggbb` */
            color: string;
            /** @description Line width as a fraction of the frame’s width */
            stroke: number;
            /** @description Whose layer it is on */
            author: {
                /** Format: uuid */
                id: string;
                displayName: string;
            } | null;
        } | {
            /** @constant */
            type: "text";
            /** @description The client’s id for the shape (kept as given) */
            id?: string;
            /** @description Left of the text */
            x: number;
            /** @description Baseline of the text */
            y: number;
            text: string;
            /** @description `#rrggbb` */
            color: string;
            /** @description Font size as a fraction of the frame’s height */
            size: number;
            /** @description Whose layer it is on */
            author: {
                /** Format: uuid */
                id: string;
                displayName: string;
            } | null;
        };
        FrameAnnotationInput: {
            /** Format: uuid */
            fileId: string;
            frame: number;
            /** @description Every layer; each shape names its author */
            shapes: components["schemas"]["AnnotatedShapeInput"][];
            layers: {
                author: {
                    /** Format: uuid */
                    id: string;
                    displayName: string;
                } | null;
                shapes: number;
            }[];
            updatedAt: string | null;
            updatedBy: {
                /** Format: uuid */
                id: string;
                displayName: string;
            } | null;
        };
        AnnotatedFramesInput: {
            /** Format: uuid */
            fileId: string;
            frameCount: number;
            fps: number | null;
            items: {
                frame: number;
                shapes: number;
                authors: {
                    /** Format: uuid */
                    id: string;
                    displayName: string;
                }[];
                /** Format: date-time */
                updatedAt: string;
            }[];
        };
        PosterInput: {
            /** Format: uuid */
            fileId: string;
            url: string;
            thumbnailUrl: string | null;
            width: number | null;
            height: number | null;
            /** @description The video the frame was taken from; null for an image */
            sourceFileId: string | null;
            frame: number | null;
        };
        PosterStateInput: {
            /** @description null: not chosen; lists fall back to the usual thumbnail */
            poster: components["schemas"]["PosterInput"] | null;
        };
        AutoPosterInput: {
            poster: components["schemas"]["PosterInput"];
            /** @enum {string} */
            method: "face" | "sharpest" | "middle";
            /** @description Why this frame: the face score, or why there was no face to go by */
            detail: string;
            frame: number;
            /** @description Frames looked at */
            candidates: number;
        };
        MentionCandidatesInput: {
            items: {
                /** Format: uuid */
                id: string;
                displayName: string;
                /** @enum {string} */
                role: "admin" | "creator" | "reviewer";
            }[];
        };
        OutputProfileInput: {
            /** Format: uuid */
            id: string;
            name: string;
            description: string;
            /** @enum {string} */
            container: "mp4" | "mov" | "webm";
            /** @enum {string} */
            videoCodec: "h264" | "h265" | "vp9" | "prores";
            /** @description Output width in pixels; null (with height null) keeps the source size */
            width: number | null;
            /** @description Output height in pixels; null (with width null) keeps the source size */
            height: number | null;
            /** @description Frame rate; null keeps the source rate */
            fps: number | null;
            /** @description Constant quality (lower is better); exactly one of crf and bitrateKbps */
            crf: number | null;
            /** @description Target bitrate in kbit/s; exactly one of crf and bitrateKbps */
            bitrateKbps: number | null;
            /** @enum {string} */
            pixelFormat: "yuv420p" | "yuv422p" | "yuv444p" | "yuv420p10le" | "yuv422p10le" | "yuv444p10le";
            /**
             * @description `drop`: no audio track; `silent`: a silent track, for platforms that require one
             * @enum {string}
             */
            audio: "drop" | "silent";
            /** @description Shipped with the studio: read-only, duplicate it to change it */
            isPreset: boolean;
            createdBy: {
                /** Format: uuid */
                id: string;
                displayName: string;
            } | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        OutputProfilePageInput: {
            items: components["schemas"]["OutputProfileInput"][];
            /** @description Pass as `cursor` to get the next page; null on the last page */
            nextCursor: string | null;
        };
        WatermarkInput: {
            /** @enum {string} */
            kind: "text" | "image";
            /** @description The text drawn (kind `text`) */
            text?: string;
            /**
             * Format: uuid
             * @description A stored image (kind `image`), e.g. from POST /watermark-images
             */
            imageFileId?: string;
            /** @enum {string} */
            position: "center" | "top_left" | "top_right" | "bottom_left" | "bottom_right";
            opacity: number;
            /** @description Width of the watermark as a fraction of the video width */
            scale: number;
            /** @description Also burn in a running timecode */
            timecode: boolean;
        };
        RenditionInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            videoVersionId: string;
            /** @enum {string} */
            kind: "profile" | "review_cut";
            /** @description The output profile (kind `profile`) */
            profile: {
                /** Format: uuid */
                id: string;
                name: string;
            } | null;
            /** @description The watermark as drawn (kind `review_cut`) */
            watermark: components["schemas"]["WatermarkInput"] | null;
            /** @enum {string} */
            status: "queued" | "running" | "ready" | "failed";
            progress: number;
            /** @description The profile was edited after this file was made */
            stale: boolean;
            /** @description Set once ready */
            file: {
                /** Format: uuid */
                id: string;
                /** @description Signed, time-limited URL of the file */
                url: string;
                mimeType: string;
                width: number | null;
                height: number | null;
                sizeBytes: number;
                /** @description A file name to save it under */
                filename: string;
            } | null;
            jobId: string | null;
            error: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        TranscodePayloadInput: {
            /**
             * Format: uuid
             * @description The rendition to make
             */
            renditionId: string;
        };
        GenerationSettingsInput: {
            /** @enum {string} */
            qaProfile: "strict" | "standard" | "lenient";
            /** @description Per gate: `hard` fails a segment, `soft` flags it; null turns that side of the gate off */
            qaOverrides: {
                [key: string]: {
                    hard?: number | null;
                    soft?: number | null;
                };
            };
            /** @description The rule set in force: the profile with the overrides applied */
            qaThresholds: {
                continuity: {
                    hard: number | null;
                    soft: number | null;
                };
                facePresence: {
                    hard: number | null;
                    soft: number | null;
                };
                faceConfidence: {
                    hard: number | null;
                    soft: number | null;
                };
                likeness: {
                    hard: number | null;
                    soft: number | null;
                };
                likenessDrift: {
                    hard: number | null;
                    soft: number | null;
                };
                motion: {
                    hard: number | null;
                    soft: number | null;
                };
                blackFrames: {
                    hard: number | null;
                    soft: number | null;
                };
                frozenFrames: {
                    hard: number | null;
                    soft: number | null;
                };
                nearDuplicates: {
                    hard: number | null;
                    soft: number | null;
                };
                sharpness: {
                    hard: number | null;
                    soft: number | null;
                };
            };
            /** @description Smart auto-retry (PRD-071) */
            retryPolicy: {
                /** @default false */
                enabled: boolean;
                /**
                 * @description Attempts per segment, the first included
                 * @default 3
                 */
                maxAttempts: number;
                /**
                 * @description Numeric slot → largest relative change per attempt, e.g. `{ "cfg": 0.1 }`
                 * @default {}
                 */
                jitter: {
                    [key: string]: number;
                };
            };
            /**
             * @description `last`: the literal last frame; `auto`: the calmest of the final N frames; `manual`: a person picks it
             * @enum {string}
             */
            boundaryMode: "last" | "auto" | "manual";
            boundaryWindowFrames: number;
            /** @description Re-seed from the hero when likeness of a boundary frame falls below this (PRD-026) */
            anchorBelow: number | null;
            /** @description Match each boundary frame’s colours to the hero before seeding */
            colourMatch: boolean;
        };
        SegmentInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            sceneId: string;
            runId: string | null;
            /** @description Position in the scene, from 1 */
            index: number;
            /** @description Every attempt and regeneration at an index is a new version */
            version: number;
            /** @description The version in use at its index */
            isCurrent: boolean;
            attempt: number;
            /** @enum {string} */
            status: "pending" | "generating" | "qa_pass" | "qa_fail" | "approved" | "rejected" | "failed" | "cancelled";
            seedSource: ("hero" | "boundary" | "anchor" | "transition") | null;
            variantTypeSlug: string | null;
            clipPosition: ("full_clip" | "start_clip" | "continuation_clip") | null;
            /** @description The prompt sent, and which template it came from */
            prompt: {
                source: string;
                positive: string;
                negative: string;
                unresolved: string[];
            } | null;
            parameters: {
                [key: string]: unknown;
            };
            /**
             * @description `draft`: half resolution, fewer steps, for test shots (never delivered); `production`: full
             * @enum {string}
             */
            tier: "draft" | "production";
            frameCount: number | null;
            fps: number | null;
            width: number | null;
            height: number | null;
            /** @description Seconds this segment adds to the scene (after trimming) */
            durationSeconds: number | null;
            trimStartFrames: number;
            boundaryFrameIndex: number | null;
            boundaryMode: ("last" | "auto" | "manual") | null;
            qa: {
                verdict: ("pass" | "flag" | "fail") | null;
                reasons: {
                    gate: string;
                    /** @enum {string} */
                    severity: "hard" | "soft";
                    value: number | null;
                    threshold: number | null;
                    message: string;
                }[];
                scores: {
                    [key: string]: unknown;
                };
                rank: number | null;
            };
            error: {
                code: string | null;
                message: string;
            } | null;
            /** @description The image this segment was generated from */
            seed: {
                /** Format: uuid */
                id: string;
                url: string;
                thumbnailUrl: string | null;
            } | null;
            /** @description The rendered clip */
            output: {
                /** Format: uuid */
                id: string;
                url: string;
                thumbnailUrl: string | null;
            } | null;
            /** @description The chosen boundary frame (lossless PNG) */
            boundary: {
                /** Format: uuid */
                id: string;
                url: string;
                thumbnailUrl: string | null;
            } | null;
            renderJobId: string | null;
            qaJobId: string | null;
            approvedAt: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        SceneRunInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            sceneId: string;
            /** @enum {string} */
            purpose: "generate" | "regenerate" | "test_shot";
            /** @enum {string} */
            status: "running" | "awaiting_boundary" | "needs_attention" | "completed" | "failed" | "cancelled";
            /**
             * @description `draft`: half resolution, fewer steps, for test shots (never delivered); `production`: full
             * @enum {string}
             */
            tier: "draft" | "production";
            targetSeconds: number;
            toleranceSeconds: number;
            segmentSeconds: number;
            segmentsEstimated: number;
            segmentsDone: number;
            secondsDone: number;
            fromIndex: number;
            cascade: boolean;
            transitionAtSegment: number | null;
            error: {
                code: string | null;
                message: string;
            } | null;
            startedBy: {
                /** Format: uuid */
                id: string;
                displayName: string;
            } | null;
            /** Format: date-time */
            startedAt: string;
            finishedAt: string | null;
            elapsedSeconds: number;
            /** @description Estimated from the segments so far; null before the first */
            remainingSeconds: number | null;
        };
        SceneGenerationInput: {
            /** Format: uuid */
            sceneId: string;
            /** @description The live run, else the latest */
            run: components["schemas"]["SceneRunInput"] | null;
            /** @description Current version at each index, in order */
            segments: components["schemas"]["SegmentInput"][];
            /** @description Earlier versions and attempts, newest first */
            attempts: components["schemas"]["SegmentInput"][];
            /** @description Test shots of this scene (kept beside the chain), newest first */
            testShots: components["schemas"]["SegmentInput"][];
            /** @description Every run of the scene, newest first (at most 20) */
            runs: components["schemas"]["SceneRunInput"][];
        };
        StartGenerationInput: {
            /**
             * @description `draft`: half resolution, fewer steps, for test shots (never delivered); `production`: full
             * @default production
             * @enum {string}
             */
            tier: "draft" | "production";
            /** @description Override of the scene type’s target duration for this run */
            targetSeconds?: number;
            /** @description comfy-sim fault injection per segment/attempt (ignored by a real ComfyUI); for drills and QA evaluation */
            sim?: {
                /** @description Only this segment index */
                segment?: number;
                /** @description Only this attempt */
                attempt?: number;
                /** @description comfy-sim fault injection (ignored by a real ComfyUI) */
                faults: {
                    failAt?: string;
                    failMessage?: string;
                    stallMs?: number;
                    slowdown?: number;
                    dropSocket?: boolean;
                    restart?: boolean;
                    /** @enum {string} */
                    frames?: "black" | "frozen" | "drift" | "noface" | "jump" | "swap";
                    /** @description An input image already uploaded to the worker: where `frames: 'swap'` drifts to */
                    swapImage?: string;
                    historyDelayMs?: number;
                    corrupt?: boolean;
                };
            }[];
        };
        RegenerateSegmentInput: {
            /**
             * @description Also regenerate every later segment from the new boundary frames
             * @default false
             */
            cascade: boolean;
            /** @description comfy-sim fault injection per segment/attempt (ignored by a real ComfyUI); for drills and QA evaluation */
            sim?: {
                /** @description Only this segment index */
                segment?: number;
                /** @description Only this attempt */
                attempt?: number;
                /** @description comfy-sim fault injection (ignored by a real ComfyUI) */
                faults: {
                    failAt?: string;
                    failMessage?: string;
                    stallMs?: number;
                    slowdown?: number;
                    dropSocket?: boolean;
                    restart?: boolean;
                    /** @enum {string} */
                    frames?: "black" | "frozen" | "drift" | "noface" | "jump" | "swap";
                    /** @description An input image already uploaded to the worker: where `frames: 'swap'` drifts to */
                    swapImage?: string;
                    historyDelayMs?: number;
                    corrupt?: boolean;
                };
            }[];
        };
        GenerationSelectionInput: {
            /** @description Rows; default every character */
            characterIds?: string[];
            /** @description Columns; default every enabled scene type */
            sceneTypeIds?: string[];
            /** @description Exact scenes (overrides rows and columns) */
            sceneIds?: string[];
            /**
             * @description `not_started`: scenes never generated; `failed`: scenes whose last run failed
             * @default not_started
             * @enum {string}
             */
            only: "all" | "not_started" | "failed";
        };
        BatchGenerationInput: {
            /** @description Rows; default every character */
            characterIds?: string[];
            /** @description Columns; default every enabled scene type */
            sceneTypeIds?: string[];
            /** @description Exact scenes (overrides rows and columns) */
            sceneIds?: string[];
            /**
             * @description `not_started`: scenes never generated; `failed`: scenes whose last run failed
             * @default not_started
             * @enum {string}
             */
            only: "all" | "not_started" | "failed";
            /**
             * @description `draft`: half resolution, fewer steps, for test shots (never delivered); `production`: full
             * @default production
             * @enum {string}
             */
            tier: "draft" | "production";
        };
        GenerationEstimateInput: {
            scenes: number;
            segments: number;
            gpuSeconds: number;
            wallSeconds: number;
            /** @description Enabled, healthy workers the estimate spreads the work over */
            workers: number;
            /** @enum {string} */
            confidence: "high" | "medium" | "low" | "none";
            lines: {
                workflow: string;
                workerClass: string;
                scenes: number;
                segments: number;
                secondsPerSegment: number;
                low: number;
                high: number;
                samples: number;
                /** @enum {string} */
                confidence: "high" | "medium" | "low" | "none";
                gpuSeconds: number;
            }[];
            skipped: {
                sceneId: string | null;
                cell: string;
                reason: string;
            }[];
        };
        BatchGenerationResultInput: {
            started: {
                /** Format: uuid */
                sceneId: string;
                /** Format: uuid */
                runId: string;
            }[];
            skipped: {
                sceneId: string | null;
                cell: string;
                reason: string;
            }[];
        };
        GenerationDashboardInput: {
            /** Format: uuid */
            projectId: string;
            scenes: number;
            /** @description Scenes per scene status */
            byStatus: {
                [key: string]: number;
            };
            /** @description Latest run per scene, counted by run status */
            runs: {
                [key: string]: number;
            };
            segmentsDone: number;
            segmentsEstimated: number;
            live: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                sceneId: string;
                /** @enum {string} */
                purpose: "generate" | "regenerate" | "test_shot";
                /** @enum {string} */
                status: "running" | "awaiting_boundary" | "needs_attention" | "completed" | "failed" | "cancelled";
                /**
                 * @description `draft`: half resolution, fewer steps, for test shots (never delivered); `production`: full
                 * @enum {string}
                 */
                tier: "draft" | "production";
                targetSeconds: number;
                toleranceSeconds: number;
                segmentSeconds: number;
                segmentsEstimated: number;
                segmentsDone: number;
                secondsDone: number;
                fromIndex: number;
                cascade: boolean;
                transitionAtSegment: number | null;
                error: {
                    code: string | null;
                    message: string;
                } | null;
                startedBy: {
                    /** Format: uuid */
                    id: string;
                    displayName: string;
                } | null;
                /** Format: date-time */
                startedAt: string;
                finishedAt: string | null;
                elapsedSeconds: number;
                /** @description Estimated from the segments so far; null before the first */
                remainingSeconds: number | null;
                characterName: string;
                sceneTypeName: string;
            }[];
        };
        StartTestShotsInput: {
            /**
             * Format: uuid
             * @description The scene type to try
             */
            sceneTypeId: string;
            /** @description Default: every character of the project */
            characterIds?: string[];
            /**
             * @description `draft`: half resolution, fewer steps, for test shots (never delivered); `production`: full
             * @default draft
             * @enum {string}
             */
            tier: "draft" | "production";
        };
        TestShotListInput: {
            items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                sceneId: string;
                runId: string | null;
                /** @description Position in the scene, from 1 */
                index: number;
                /** @description Every attempt and regeneration at an index is a new version */
                version: number;
                /** @description The version in use at its index */
                isCurrent: boolean;
                attempt: number;
                /** @enum {string} */
                status: "pending" | "generating" | "qa_pass" | "qa_fail" | "approved" | "rejected" | "failed" | "cancelled";
                seedSource: ("hero" | "boundary" | "anchor" | "transition") | null;
                variantTypeSlug: string | null;
                clipPosition: ("full_clip" | "start_clip" | "continuation_clip") | null;
                /** @description The prompt sent, and which template it came from */
                prompt: {
                    source: string;
                    positive: string;
                    negative: string;
                    unresolved: string[];
                } | null;
                parameters: {
                    [key: string]: unknown;
                };
                /**
                 * @description `draft`: half resolution, fewer steps, for test shots (never delivered); `production`: full
                 * @enum {string}
                 */
                tier: "draft" | "production";
                frameCount: number | null;
                fps: number | null;
                width: number | null;
                height: number | null;
                /** @description Seconds this segment adds to the scene (after trimming) */
                durationSeconds: number | null;
                trimStartFrames: number;
                boundaryFrameIndex: number | null;
                boundaryMode: ("last" | "auto" | "manual") | null;
                qa: {
                    verdict: ("pass" | "flag" | "fail") | null;
                    reasons: {
                        gate: string;
                        /** @enum {string} */
                        severity: "hard" | "soft";
                        value: number | null;
                        threshold: number | null;
                        message: string;
                    }[];
                    scores: {
                        [key: string]: unknown;
                    };
                    rank: number | null;
                };
                error: {
                    code: string | null;
                    message: string;
                } | null;
                /** @description The image this segment was generated from */
                seed: {
                    /** Format: uuid */
                    id: string;
                    url: string;
                    thumbnailUrl: string | null;
                } | null;
                /** @description The rendered clip */
                output: {
                    /** Format: uuid */
                    id: string;
                    url: string;
                    thumbnailUrl: string | null;
                } | null;
                /** @description The chosen boundary frame (lossless PNG) */
                boundary: {
                    /** Format: uuid */
                    id: string;
                    url: string;
                    thumbnailUrl: string | null;
                } | null;
                renderJobId: string | null;
                qaJobId: string | null;
                approvedAt: string | null;
                /** Format: date-time */
                createdAt: string;
                characterName: string;
                sceneTypeName: string;
            }[];
        };
        ProjectRetentionInput: {
            /** @description Failed generation outputs become reclaimable after this many days */
            failedOutputsDays: number;
            /** @description Artifacts of cancelled jobs become reclaimable after this many days */
            cancelledArtifactsDays: number;
            /** @description Deleted items stay restorable in the trash for this many days */
            trashGraceDays: number;
        };
        ProjectSettingsInput: {
            /** @description When true, creators cannot give final approval to scenes they generated themselves */
            requireIndependentApproval: boolean;
            /** @description What a character needs to count as ready (PRD-107) */
            readiness: {
                sourceImage: boolean;
                /** @description An approved hero for every variant type the enabled scene types need */
                heroes: boolean;
                /** @description Metadata complete and valid against the metadata schema */
                metadata: boolean;
                /** @description Keys of the character's pipeline settings that must have a value */
                requiredSettings: string[];
            };
            /** @description What review cuts of this project are watermarked with; null uses the studio's ("REVIEW") */
            reviewWatermark: components["schemas"]["WatermarkInput"] | null;
        };
        ProjectInput: {
            /** Format: uuid */
            id: string;
            name: string;
            description: string;
            /** @enum {string} */
            status: "setup" | "active" | "delivered" | "archived" | "closed";
            /** @description Delivered, archived and closed projects refuse edits until re-opened */
            locked: boolean;
            /** @description Statuses this project may move to now */
            allowedTransitions: ("setup" | "active" | "delivered" | "archived" | "closed")[];
            retention: components["schemas"]["ProjectRetentionInput"];
            settings: components["schemas"]["ProjectSettingsInput"];
            /** @description JSON Schema of the characters’ delivery metadata (metadata.json); null for none */
            metadataSchema: {
                [key: string]: unknown;
            } | null;
            createdBy: {
                /** Format: uuid */
                id: string;
                displayName: string;
            } | null;
            deletedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        ProjectPageInput: {
            items: components["schemas"]["ProjectInput"][];
            /** @description Pass as `cursor` to get the next page; null on the last page */
            nextCursor: string | null;
        };
        CharacterReadinessInput: {
            character: components["schemas"]["CharacterSummaryInput"];
            /** @enum {string} */
            state: "ready" | "partial" | "not_started";
            percent: number;
            items: {
                /** @description `source_image`, `hero:<variant slug>`, `metadata`, `setting:<key>` or `scene_types` */
                key: string;
                /** @enum {string} */
                kind: "source_image" | "hero" | "metadata" | "setting" | "scene_types";
                label: string;
                done: boolean;
                detail?: string;
            }[];
            missing: string[];
        };
        ReadinessPageInput: {
            items: components["schemas"]["CharacterReadinessInput"][];
            /** @description Pass as `cursor` to get the next page; null on the last page */
            nextCursor: string | null;
            summary: {
                total: number;
                ready: number;
                partial: number;
                notStarted: number;
                /** @description Per item, how many characters lack it (over the whole project, before filters) */
                missing: {
                    key: string;
                    label: string;
                    count: number;
                }[];
            };
        };
        SceneMatrixInput: {
            /** Format: uuid */
            projectId: string;
            variantTypes: {
                /** Format: uuid */
                id: string;
                slug: string;
                name: string;
            }[];
            sceneTypes: {
                /** Format: uuid */
                id: string;
                name: string;
                contentName: string;
            }[];
            columns: {
                /** @description `sceneTypeId:variantTypeId`, the same in every row */
                key: string;
                /** Format: uuid */
                sceneTypeId: string;
                /**
                 * Format: uuid
                 * @description The variant the scene starts from
                 */
                variantTypeId: string;
                transition: {
                    /** Format: uuid */
                    toVariantTypeId: string;
                    suffix: string;
                } | null;
                /** @description Delivered file name of the scene video */
                fileName: string | null;
                namingProblem: string | null;
            }[];
            rows: {
                character: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                    thumbnailUrl: string | null;
                };
                cells: {
                    sceneId: string | null;
                    /** @enum {string} */
                    status: "not_created" | "pending" | "generating" | "review" | "approved" | "rejected" | "failed";
                    /** @description What keeps this cell from being generated */
                    blockers: {
                        /** @enum {string} */
                        code: "no_source_image" | "no_hero" | "unnamable";
                        /** Format: uuid */
                        variantTypeId?: string;
                    }[];
                }[];
            }[];
            /** @description More characters follow; pass as `cursor` */
            nextCursor: string | null;
            totals: {
                cells: number;
                created: number;
                ready: number;
            };
        };
        SceneInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            projectId: string;
            character: {
                /** Format: uuid */
                id: string;
                name: string;
                thumbnailUrl: string | null;
            };
            sceneType: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            variantType: {
                /** Format: uuid */
                id: string;
                slug: string;
                name: string;
            };
            transition: {
                /** Format: uuid */
                toVariantTypeId: string;
                suffix: string;
            } | null;
            /** @enum {string} */
            status: "pending" | "generating" | "review" | "approved" | "rejected" | "failed";
            /** @description Delivered file name of the scene video */
            fileName: string | null;
            tags: string[];
            finalVersionId: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        SceneVideoVersionInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            sceneId: string;
            versionNumber: number;
            /** @enum {string} */
            source: "generated" | "imported";
            /** @description The version delivered; at most one per scene */
            isFinal: boolean;
            notes: string;
            durationSeconds: number;
            fps: number | null;
            frameCount: number | null;
            codec: string;
            file: {
                /** Format: uuid */
                id: string;
                /** @description Signed, time-limited URL of the video (supports HTTP range requests) */
                url: string;
                /** @description Signed URL of a still of the first frame */
                posterUrl: string | null;
                mimeType: string;
                width: number | null;
                height: number | null;
                sizeBytes: number;
                originalFilename: string | null;
            };
            createdBy: {
                /** Format: uuid */
                id: string;
                displayName: string;
            } | null;
            deletedAt: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        ReviewDecisionInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            segmentId: string;
            /** Format: uuid */
            sceneId: string;
            /** @enum {string} */
            decision: "approve" | "reject" | "flag" | "unflag";
            reasonCode: ("face_artifact" | "motion_artifact" | "lighting_mismatch" | "identity_drift" | "continuity_break" | "other") | null;
            note: string;
            /** @description The version of the segment the decision was made on */
            segmentVersion: number;
            /** @description The segment status before the decision (undo restores it) */
            previousStatus: string;
            /** @description Shared by every decision of one batch approval */
            batchId: string | null;
            /** @description The regeneration a rejection requeued the segment with, if any */
            regenerationRunId: string | null;
            decidedBy: {
                /** Format: uuid */
                id: string;
                displayName: string;
            } | null;
            /** Format: date-time */
            decidedAt: string;
            undoneAt: string | null;
        };
        ReviewItemInput: {
            segment: components["schemas"]["SegmentInput"];
            /** @enum {string} */
            state: "unreviewed" | "flagged" | "approved" | "rejected";
            flaggedAt: string | null;
            scene: {
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                status: "pending" | "generating" | "review" | "approved" | "rejected" | "failed";
            };
            character: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            sceneType: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            /** @description Current segments of the scene, for “segment 2 of 3” */
            segmentsInScene: number;
            /** @description Who started the run that made this segment (independent approval is checked against it) */
            generatedBy: {
                /** Format: uuid */
                id: string;
                displayName: string;
            } | null;
            /** @description The latest decision not undone */
            latestDecision: components["schemas"]["ReviewDecisionInput"] | null;
        };
        ReviewQueueInput: {
            items: components["schemas"]["ReviewItemInput"][];
            /** @description Pass as `cursor` to get the next page; null on the last page */
            nextCursor: string | null;
            /** @description Segments in each state under the same scene type, character and QA filters */
            counts: {
                unreviewed: number;
                flagged: number;
                approved: number;
                rejected: number;
                all: number;
            };
        };
        ReviewBodyInput: {
            /** @enum {string} */
            decision: "approve" | "reject" | "flag" | "unflag";
            /**
             * @description Why: with `reject`, or with `flag` to suggest a rejection
             * @enum {string}
             */
            reasonCode?: "face_artifact" | "motion_artifact" | "lighting_mismatch" | "identity_drift" | "continuity_break" | "other";
            note?: string;
            /** @description With `reject`: requeue the segment for regeneration from its seed frame (no cascade) */
            regenerate?: boolean;
        };
        ReviewResultInput: {
            decision: components["schemas"]["ReviewDecisionInput"];
            item: components["schemas"]["ReviewItemInput"];
            /** @description This decision approved the whole scene (every segment approved) */
            sceneApproved: boolean;
        };
        ReviewUndoResultInput: {
            undone: components["schemas"]["ReviewDecisionInput"][];
        };
        BatchApproveBodyInput: {
            /**
             * @default unreviewed
             * @enum {string}
             */
            state: "unreviewed" | "flagged" | "rejected" | "all";
            /** Format: uuid */
            sceneTypeId?: string;
            /** Format: uuid */
            characterId?: string;
            /**
             * @description Only segments with this QA verdict
             * @enum {string}
             */
            qa?: "pass" | "flag" | "fail";
            /** @description The count the person confirmed; a different count now is a 409 instead of a surprise */
            expectedCount?: number;
        };
        BatchApproveResultInput: {
            /** Format: uuid */
            batchId: string;
            approved: number;
            /** @description Scenes that became approved as a result */
            scenesApproved: number;
        };
        /** @description `full_clip` serves every position unless `start_clip` / `continuation_clip` override it */
        PromptTemplatesInput: {
            full_clip?: {
                /** @default  */
                positive: string;
                /** @default  */
                negative: string;
            };
            start_clip?: {
                /** @default  */
                positive: string;
                /** @default  */
                negative: string;
            };
            continuation_clip?: {
                /** @default  */
                positive: string;
                /** @default  */
                negative: string;
            };
        };
        SceneTypeApplicabilityInput: {
            /** @constant */
            kind: "variants";
            variantTypeIds: string[];
        } | {
            /** @constant */
            kind: "transition";
            /** Format: uuid */
            fromVariantTypeId: string;
            /** Format: uuid */
            toVariantTypeId: string;
            /** @description The first segment generated from the target variant */
            atSegment: number;
            /** @description File-name suffix of transition scenes, e.g. `to_formal` */
            suffix: string;
            /** @default null */
            transitionWorkflowRef: string | null;
        };
        WorkflowPinInput: {
            /** Format: uuid */
            versionId: string;
            /** Format: uuid */
            workflowId: string;
            workflowName: string;
            versionNumber: number;
            /** @description Newer than `versionNumber` means an upgrade is available */
            latestVersionNumber: number;
            productionReady: boolean;
        };
        SceneTypeInput: {
            /** Format: uuid */
            id: string;
            /** @description null for a studio-level scene type, available to every project */
            projectId: string | null;
            name: string;
            /** @description The name as it appears in delivered file names (snake_case) */
            contentName: string;
            description: string;
            /** @description Workflow to run; validated when generation starts */
            workflowRef: string | null;
            /** @description The pinned workflow version; upgrading is explicit */
            workflowVersionId: string | null;
            workflow: components["schemas"]["WorkflowPinInput"] | null;
            transitionWorkflowVersionId: string | null;
            transitionWorkflow: components["schemas"]["WorkflowPinInput"] | null;
            /** @description Parameter slot key of the pinned workflow version → the value this scene type sets */
            slotBindings: {
                [key: string]: string | number | boolean;
            };
            loras: {
                name: string;
                weight: number;
            }[];
            prompts: components["schemas"]["PromptTemplatesInput"];
            targetDurationSeconds: number;
            segmentDurationSeconds: number;
            toleranceSeconds: number;
            /** @description Segments needed to reach the target duration */
            segmentCount: number;
            applicability: components["schemas"]["SceneTypeApplicabilityInput"];
            generation: components["schemas"]["GenerationSettingsInput"];
            enabled: boolean;
            sortOrder: number;
            tags: string[];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        PromptPreviewInput: {
            positions: {
                /** @enum {string} */
                position: "full_clip" | "start_clip" | "continuation_clip";
                /** @description Which template was used after fallback; null when none */
                source: ("full_clip" | "start_clip" | "continuation_clip") | null;
                positive: {
                    text: string;
                    unresolved: string[];
                };
                negative: {
                    text: string;
                    unresolved: string[];
                };
            }[];
            /** @description Every placeholder the character has no value for */
            unresolved: string[];
        };
        WorkflowSlotInput: {
            /** @description Stable slot name a scene type binds values to: `seed`, `positive_prompt`… */
            key: string;
            /** @description Human name shown in editors */
            label: string;
            nodeId: string;
            input: string;
            classType: string;
            /** @enum {string} */
            category: "generation" | "quality" | "content" | "video" | "model";
            /** @description The value in the workflow (the default when a scene type binds nothing) */
            value: unknown;
            /** @enum {string} */
            source: "discovered" | "manual";
        };
        WorkflowProblemInput: {
            /** @enum {string} */
            severity: "error" | "warning";
            code: string;
            nodeId?: string;
            classType?: string;
            input?: string;
            message: string;
        };
        WorkflowValidationInput: {
            /** @description null for the bundled comfy-sim catalogue (no worker registered) */
            workerId: string | null;
            workerName: string;
            ok: boolean;
            problems: components["schemas"]["WorkflowProblemInput"][];
            /** @description Why the worker could not be asked (unreachable…) */
            error: string | null;
            /** Format: date-time */
            checkedAt: string;
        };
        WorkflowDryRunInput: {
            /** Format: uuid */
            workerId: string;
            workerName: string;
            ok: boolean;
            /** @enum {string} */
            outcome: "success" | "rejected" | "failed" | "interrupted" | "timeout" | "unreachable";
            durationMs: number;
            error: string | null;
            nodeErrors: {
                nodeId: string;
                classType: string;
                messages: string[];
            }[];
            /** Format: date-time */
            startedAt: string;
            /** Format: date-time */
            finishedAt: string;
        };
        WorkflowVersionSummaryInput: {
            /** Format: uuid */
            id: string;
            number: number;
            /** @enum {string} */
            sourceFormat: "api" | "ui";
            sha256: string;
            nodeCount: number;
            slotCount: number;
            productionReady: boolean;
            notes: string;
            /** Format: date-time */
            createdAt: string;
        };
        WorkflowVersionInput: {
            /** Format: uuid */
            id: string;
            number: number;
            /** @enum {string} */
            sourceFormat: "api" | "ui";
            sha256: string;
            nodeCount: number;
            slotCount: number;
            productionReady: boolean;
            notes: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            workflowId: string;
            workflowName: string;
            /** @description The newest version of the workflow, to offer an upgrade */
            latestNumber: number;
            /** @description The graph in API format, as `POST /prompt` takes it */
            apiJson: {
                [key: string]: unknown;
            };
            hasUiJson: boolean;
            parameters: components["schemas"]["WorkflowSlotInput"][];
            validation: components["schemas"]["WorkflowValidationInput"][];
            dryRun: components["schemas"]["WorkflowDryRunInput"] | null;
        };
        WorkflowInput: {
            /** Format: uuid */
            id: string;
            name: string;
            description: string;
            latestVersion: components["schemas"]["WorkflowVersionSummaryInput"] | null;
            versionCount: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        WorkflowDetailInput: {
            /** Format: uuid */
            id: string;
            name: string;
            description: string;
            latestVersion: components["schemas"]["WorkflowVersionSummaryInput"] | null;
            versionCount: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description Newest first */
            versions: components["schemas"]["WorkflowVersionSummaryInput"][];
        };
        WorkflowPageInput: {
            items: components["schemas"]["WorkflowInput"][];
            /** @description Pass as `cursor` to get the next page; null on the last page */
            nextCursor: string | null;
        };
        WorkflowImportResultInput: {
            workflow: components["schemas"]["WorkflowInput"];
            version: components["schemas"]["WorkflowVersionInput"];
            /** @description Conversion notes (muted nodes dropped…) */
            warnings: components["schemas"]["WorkflowProblemInput"][];
        };
        WorkflowDiffInput: {
            from: components["schemas"]["WorkflowVersionSummaryInput"];
            to: components["schemas"]["WorkflowVersionSummaryInput"];
            added: {
                nodeId: string;
                classType: string;
            }[];
            removed: {
                nodeId: string;
                classType: string;
            }[];
            changed: {
                nodeId: string;
                classType: string;
                classChanged: {
                    from: string;
                    to: string;
                } | null;
                inputs: {
                    input: string;
                    /** @description Absent when the input was added */
                    from?: unknown;
                    /** @description Absent when the input was removed */
                    to?: unknown;
                }[];
            }[];
            slotsAdded: string[];
            slotsRemoved: string[];
            identical: boolean;
        };
        WorkflowWorkerInput: {
            /** Format: uuid */
            id: string;
            name: string;
            url: string;
            adminState: string;
            health: string;
        };
        WorkerPromptInput: {
            promptId: string;
            /** @description `success`, `error`, or what the worker reports */
            status: string;
            nodeCount: number;
            /** @description A few of its node classes, for recognising it */
            nodeClasses: string[];
            /** @description The UI-format workflow was sent with the prompt (extra_pnginfo), so it is pulled as is */
            hasUiWorkflow: boolean;
        };
        RenderTimelineInput: {
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            now: string;
            lanes: {
                worker: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                    health: string;
                    adminState: string;
                    tags: string[];
                    maxConcurrency: number;
                };
                blocks: {
                    /** Format: uuid */
                    jobId: string;
                    label: string;
                    state: string;
                    /** @enum {string} */
                    priority: "urgent" | "normal" | "background";
                    projectName: string | null;
                    ownerName: string | null;
                    progress: number;
                    /** Format: date-time */
                    start: string;
                    /** @description null while running */
                    end: string | null;
                    /** @description For a running job, from the history of its workflow; null: no estimate */
                    expectedEnd: string | null;
                }[];
            }[];
            queue: {
                /** Format: uuid */
                jobId: string;
                label: string;
                /** @enum {string} */
                priority: "urgent" | "normal" | "background";
                ownerName: string | null;
                /** @description 1 = next */
                position: number;
                /** @description null: no worker can take it */
                estimatedStart: string | null;
                /** @description false when the workflow has no history (a default duration was used) */
                estimated: boolean;
            }[];
            /**
             * Format: date-time
             * @description When the queue is expected to be empty
             */
            drainAt: string;
            completedLastHour: number;
        };
        AuditEvent: {
            /** @description Sequence number of the event in the chain */
            id: string;
            /** Format: date-time */
            occurredAt: string;
            action: string;
            /** @description Who did it; label is "system" for the studio itself */
            actor: {
                id: string | null;
                email: string | null;
                label: string;
            };
            entityType: string | null;
            entityId: string | null;
            summary: string;
            details: {
                [key: string]: unknown;
            };
            ip: string | null;
            userAgent: string | null;
            requestId: string | null;
            hash: string;
        };
        AuditEventPage: {
            items: components["schemas"]["AuditEvent"][];
            /** @description Pass as `cursor` to get the next page; null on the last page */
            nextCursor: string | null;
        };
        User: {
            /** Format: uuid */
            id: string;
            email: string;
            displayName: string;
            /** @enum {string} */
            role: "admin" | "creator" | "reviewer";
            isActive: boolean;
            mustChangePassword: boolean;
            lockedUntil: string | null;
            lastLoginAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        UserPage: {
            items: components["schemas"]["User"][];
            /** @description Pass as `cursor` to get the next page; null on the last page */
            nextCursor: string | null;
        };
        Session: {
            accessToken: string;
            /** @description Access token lifetime in seconds */
            expiresIn: number;
            user: components["schemas"]["User"];
        };
        TagList: {
            items: {
                name: string;
                characters: number;
                sceneTypes: number;
            }[];
        };
        MediaFile: {
            /** Format: uuid */
            id: string;
            /** @description Signed, time-limited URL of the full image (usable in <img src>) */
            url: string;
            /** @description Signed, time-limited URL of a 320 px WebP thumbnail */
            thumbnailUrl: string | null;
            mimeType: string;
            width: number | null;
            height: number | null;
            sizeBytes: number;
            sha256: string;
            originalFilename: string | null;
        };
        SourceImageQa: {
            faceFound: boolean;
            /** @description Face detector confidence, 0…1 */
            faceScore: number;
            /** @description Variance of the Laplacian at ≤ 512 px; low is blurry */
            sharpness: number | null;
            problems: {
                /** @enum {string} */
                code: "low_resolution" | "no_face" | "weak_face" | "blurry";
                message: string;
            }[];
            /** Format: date-time */
            analysedAt: string;
        };
        SourceImage: {
            /** Format: uuid */
            id: string;
            file: components["schemas"]["MediaFile"];
            isCurrent: boolean;
            /** @description Source-image QA (PRD-022) and the likeness baseline; null until analysed (a background job) */
            qa: components["schemas"]["SourceImageQa"] | null;
            /** Format: date-time */
            createdAt: string;
        };
        ImageVariant: {
            /** Format: uuid */
            id: string;
            variantType: {
                /** Format: uuid */
                id: string;
                slug: string;
                name: string;
            };
            /** @enum {string} */
            status: "pending" | "generated" | "approved" | "rejected";
            isHero: boolean;
            /** @enum {string} */
            provenance: "upload" | "generated" | "edited";
            file: components["schemas"]["MediaFile"];
            decidedBy: {
                /** Format: uuid */
                id: string;
                displayName: string;
            } | null;
            decidedAt: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        CharacterSummary: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            projectId: string;
            name: string;
            /** @description Thumbnail of the current source image */
            thumbnailUrl: string | null;
            /** @description Thumbnail of the chosen poster frame (PRD-096); lists show it instead of the source image */
            posterUrl: string | null;
            /** @description Image variant types with an approved hero */
            heroCount: number;
            variantCount: number;
            tags: string[];
            /** @description Percentage of the metadata schema’s fields that have a value; null without a schema */
            metadataCompleteness: number | null;
            deletedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        Character: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            projectId: string;
            name: string;
            /** @description Thumbnail of the current source image */
            thumbnailUrl: string | null;
            /** @description Thumbnail of the chosen poster frame (PRD-096); lists show it instead of the source image */
            posterUrl: string | null;
            /** @description Image variant types with an approved hero */
            heroCount: number;
            variantCount: number;
            tags: string[];
            /** @description Percentage of the metadata schema’s fields that have a value; null without a schema */
            metadataCompleteness: number | null;
            deletedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            metadata: {
                [key: string]: unknown;
            };
            settings: {
                [key: string]: unknown;
            };
            sourceImage: components["schemas"]["SourceImage"] | null;
            /** @description Replaced source images, newest first */
            sourceHistory: components["schemas"]["SourceImage"][];
            variants: components["schemas"]["ImageVariant"][];
            /** @description Where the stored metadata breaks the project’s current metadata schema */
            metadataProblems: {
                field: string;
                message: string;
            }[];
        };
        CharacterPage: {
            items: components["schemas"]["CharacterSummary"][];
            /** @description Pass as `cursor` to get the next page; null on the last page */
            nextCursor: string | null;
        };
        AssemblyPreview: {
            /** Format: uuid */
            sceneId: string;
            /** @description Every current segment is approved */
            ready: boolean;
            /** @description Segment indexes not approved yet */
            unapproved: number[];
            method: ("copy" | "reencode") | null;
            /** @description Why a re-encode is needed */
            reasons: string[];
            joins: {
                /** @description Between segment `join` and `join + 1` */
                join: number;
                /** @description SSIM of the last frame kept before the join and the first after it */
                ssim: number | null;
                smoothed: boolean;
                accepted: boolean;
            }[];
            frames: number | null;
            durationSeconds: number | null;
            /** @description Why the scene cannot be assembled as it is */
            problem: string | null;
            /** @description The final version when it was assembled from exactly the current segments */
            assembled: {
                /** Format: uuid */
                versionId: string;
                versionNumber: number;
            } | null;
        };
        DeliveryValidation: {
            /** Format: uuid */
            projectId: string;
            /** @description No errors: the project can be delivered */
            ok: boolean;
            problems: {
                /** @description Stable code, e.g. `scene.not_approved`, `scene.not_assembled`, `name.duplicate` */
                code: string;
                /**
                 * @description Errors block a delivery; warnings do not
                 * @enum {string}
                 */
                severity: "error" | "warning";
                message: string;
                characterId: string | null;
                characterName: string | null;
                sceneId: string | null;
                /** @description Where in the studio to fix it (a path of the web app) */
                fix: string;
            }[];
            characters: {
                /** Format: uuid */
                id: string;
                name: string;
                folder: string;
                files: {
                    /** @description Path inside the ZIP */
                    path: string;
                    /** @enum {string} */
                    kind: "video" | "image" | "metadata";
                    sceneId: string | null;
                }[];
                /** @description Content differs from the last ready delivery with the same profile */
                changed: boolean;
            }[];
            /** @description Files checked by full decode (deep validation) */
            checkedFiles: number;
            lastDelivery: {
                /** Format: uuid */
                id: string;
                number: number;
                /** Format: date-time */
                createdAt: string;
            } | null;
        };
        Delivery: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            projectId: string;
            number: number;
            /** @enum {string} */
            mode: "full" | "incremental";
            profile: {
                id: string | null;
                name: string;
            } | null;
            /** @enum {string} */
            status: "queued" | "running" | "ready" | "failed";
            progress: number;
            characters: {
                /** Format: uuid */
                id: string;
                name: string;
                folder: string;
            }[];
            /** @description Files in the ZIP (manifest included) */
            files: number;
            sizeBytes: number | null;
            sha256: string | null;
            /** @description Only once the ZIP is complete */
            downloadUrl: string | null;
            jobId: string | null;
            errorCode: string | null;
            error: string | null;
            requestedBy: {
                /** Format: uuid */
                id: string;
                displayName: string;
            } | null;
            /** Format: date-time */
            createdAt: string;
            finishedAt: string | null;
        };
        Problem: {
            type: string;
            title: string;
            status: number;
            /** @description Stable machine-readable error code */
            code: string;
            detail: string;
            instance?: string;
            requestId?: string;
            errors?: {
                /** @description Dotted path of the offending field, e.g. `body.email` */
                field: string;
                message: string;
            }[];
        };
        WorkerVitalsSample: {
            /** Format: date-time */
            sampledAt: string;
            /** @description % */
            gpuUtilization: number | null;
            temperatureC: number | null;
            vramUsedBytes: number | null;
            vramTotalBytes: number | null;
            ramUsedBytes: number | null;
            queueRunning: number | null;
            queuePending: number | null;
        };
        Worker: {
            /** Format: uuid */
            id: string;
            name: string;
            url: string;
            tags: string[];
            maxConcurrency: number;
            /** @enum {string} */
            adminState: "enabled" | "draining" | "disabled" | "decommissioned";
            /** @enum {string} */
            health: "unknown" | "healthy" | "degraded" | "down";
            /** @description Why the worker is not healthy */
            healthDetail: string | null;
            comfyVersion: string | null;
            gpuName: string | null;
            vramTotalBytes: number | null;
            /** @description A comfy-sim started by this studio */
            isSimulated: boolean;
            /** @description Last answered health check */
            lastSeenAt: string | null;
            lastCheckedAt: string | null;
            decommissionedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description The latest sample */
            vitals: components["schemas"]["WorkerVitalsSample"] | null;
        };
        WorkerPage: {
            items: components["schemas"]["Worker"][];
            /** @description Pass as `cursor` to get the next page; null on the last page */
            nextCursor: string | null;
        };
        WorkerEvent: {
            id: string;
            /** @enum {string} */
            kind: "registered" | "state_changed" | "health_changed" | "threshold_exceeded" | "threshold_cleared" | "updated";
            /** @enum {string} */
            severity: "info" | "warning" | "critical";
            message: string;
            details: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            createdAt: string;
        };
        WorkerEventPage: {
            items: components["schemas"]["WorkerEvent"][];
            /** @description Pass as `cursor` to get the next page; null on the last page */
            nextCursor: string | null;
        };
        WorkerVitalsBucket: {
            /**
             * Format: date-time
             * @description Start of the bucket
             */
            at: string;
            samples: number;
            gpuUtilizationAvg: number | null;
            gpuUtilizationMax: number | null;
            temperatureAvg: number | null;
            temperatureMax: number | null;
            vramUsedAvg: number | null;
            vramUsedMax: number | null;
            vramTotal: number | null;
            /** @description Running + pending prompts */
            queueAvg: number | null;
            queueMax: number | null;
        };
        WorkerVitals: {
            /** @enum {string} */
            window: "1h" | "6h" | "24h";
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
            bucketSeconds: number;
            /** @description Only buckets with samples, oldest first (≤ 120) */
            buckets: components["schemas"]["WorkerVitalsBucket"][];
        };
        SystemHealth: {
            /** Format: date-time */
            checkedAt: string;
            database: {
                ok: boolean;
                /** @enum {string} */
                kind: "pglite" | "postgres";
                pingMs: number | null;
                detail: string | null;
            };
            storage: {
                ok: boolean;
                dataDir: string;
                writable: boolean;
                freeBytes: number | null;
                totalBytes: number | null;
                detail: string | null;
            };
            workers: {
                /** @description At least one enabled worker is healthy */
                ok: boolean;
                /** @description Not decommissioned */
                total: number;
                byHealth: {
                    unknown: number;
                    healthy: number;
                    degraded: number;
                    down: number;
                };
                byAdminState: {
                    enabled: number;
                    draining: number;
                    disabled: number;
                    decommissioned: number;
                };
                healthLoop: {
                    running: boolean;
                    intervalMs: number;
                    lastRunAt: string | null;
                    lastRunMs: number | null;
                };
            };
            eventBus: {
                available: boolean;
                detail: string;
            };
            jobs: {
                /** @description This process schedules and no job has waited for a free, suitable worker too long */
                ok: boolean;
                engineRunning: boolean;
                /** @description This process claims GPU jobs (scheduler and bridge roles) */
                gpu: boolean;
                /** @description CPU jobs this process runs at once (media role) */
                cpuSlots: number;
                lastTickAt: string | null;
                lastTickMs: number | null;
                runningHere: number;
                /** @description Jobs per state, all processes */
                byState: {
                    [key: string]: number;
                };
                oldestQueuedAt: string | null;
            };
        };
        ComfyRenderPayload: {
            /**
             * Format: uuid
             * @description The workflow version to run
             */
            workflowVersionId: string;
            /**
             * Format: uuid
             * @description Media file loaded by every LoadImage node (a test frame when absent)
             */
            inputImageId?: string;
            /**
             * Format: uuid
             * @description Media file for the `end_image` slot of first-last-frame (transition) workflows
             */
            endImageId?: string;
            /** @description Slot key → value, e.g. `{ "positive_prompt": "…", "length": 33 }` */
            parameters?: {
                [key: string]: string | number | boolean;
            };
            /** @description Fixed seed; a fresh one per attempt when absent */
            seed?: number;
            /** @description Expected GPU time */
            estimatedSeconds?: number;
            /** @description comfy-sim fault injection (ignored by a real ComfyUI) */
            sim?: {
                failAt?: string;
                failMessage?: string;
                stallMs?: number;
                slowdown?: number;
                dropSocket?: boolean;
                restart?: boolean;
                /** @enum {string} */
                frames?: "black" | "frozen" | "drift" | "noface" | "jump" | "swap";
                /** @description An input image already uploaded to the worker: where `frames: 'swap'` drifts to */
                swapImage?: string;
                historyDelayMs?: number;
                corrupt?: boolean;
            };
        };
        RetentionSweepPayload: Record<string, never>;
        ImportJobPayload: {
            /**
             * Format: uuid
             * @description The character import
             */
            importId: string;
        };
        ImageAnalysePayload: {
            /**
             * Format: uuid
             * @description The image (media file) to analyse
             */
            fileId: string;
        };
        VariantCollectPayload: {
            /** Format: uuid */
            characterId: string;
            /** Format: uuid */
            variantTypeId: string;
            /**
             * Format: uuid
             * @description The image-to-image render whose pictures become variants
             */
            renderJobId: string;
        };
        SegmentQaPayload: {
            /**
             * Format: uuid
             * @description The segment to check
             */
            segmentId: string;
        };
        NotificationDigestPayload: Record<string, never>;
        JobKindInfo: {
            kind: string;
            label: string;
            /** @enum {string} */
            resource: "gpu" | "cpu";
            description: string;
        };
        CreateJob: {
            /** @description One of comfy.render, retention.sweep, notifications.digest, import.analyse, import.commit, segment.qa, image.analyse, variant.collect, media.transcode, scene.assemble, delivery.package */
            kind: string;
            /**
             * @description IDs and settings; checked per kind
             * @default {}
             */
            payload: {
                [key: string]: unknown;
            };
            /**
             * @default normal
             * @enum {string}
             */
            priority: "urgent" | "normal" | "background";
            /** Format: uuid */
            projectId?: string;
            /**
             * @description A worker must carry every one
             * @default []
             */
            requiredTags: string[];
            /**
             * @description Break ties between suitable workers
             * @default []
             */
            preferredTags: string[];
            /**
             * Format: date-time
             * @description Do not start before this time (scheduled submission)
             */
            runAt?: string;
            /**
             * @description Only start inside the off-peak window
             * @default false
             */
            offPeakOnly: boolean;
            /**
             * @description Jobs that must complete first
             * @default []
             */
            dependsOn: string[];
            /**
             * @default cancel
             * @enum {string}
             */
            onDependencyFailure: "cancel" | "run";
            /**
             * @description Attempts after infrastructure failures
             * @default 3
             */
            maxAttempts: number;
            /** @description Shown in the tray and the queue */
            label?: string;
            /**
             * @description Not counted against budgets and quotas (needs the "jobs.manage" permission)
             * @default false
             */
            budgetExempt: boolean;
        };
        JobError: {
            /** @description `content` (the workflow failed), `infrastructure`, `cancelled`, `dependency`… */
            code: string;
            message: string;
            nodeId?: string | null;
            nodeType?: string | null;
            traceback?: string[];
            retryable: boolean;
        };
        JobOutput: {
            /** Format: uuid */
            mediaId: string;
            filename: string;
            mimeType: string;
            sizeBytes: number;
            /** @description Signed link */
            url: string;
        };
        JobCheckpoint: {
            step: string;
            /** Format: date-time */
            at: string;
            data: {
                [key: string]: unknown;
            };
        };
        Job: {
            /** Format: uuid */
            id: string;
            kind: string;
            label: string;
            /** @enum {string} */
            resource: "gpu" | "cpu";
            /** @enum {string} */
            state: "pending" | "scheduled" | "queued" | "dispatched" | "running" | "paused" | "retrying" | "completed" | "failed" | "cancelled";
            /** @enum {string} */
            priority: "urgent" | "normal" | "background";
            payload: {
                [key: string]: unknown;
            };
            owner: {
                /** Format: uuid */
                id: string;
                displayName: string;
            } | null;
            projectId: string | null;
            projectName: string | null;
            requiredTags: string[];
            preferredTags: string[];
            worker: {
                /** Format: uuid */
                id: string;
                name: string;
            } | null;
            attempts: number;
            maxAttempts: number;
            /** @description 0…1 */
            progress: number;
            progressText: string | null;
            runAt: string | null;
            offPeakOnly: boolean;
            budgetExempt: boolean;
            /** @description GPU time of its finished attempts */
            gpuSeconds: number;
            /** @description A running job pauses at its next checkpoint */
            pauseRequested: boolean;
            /** @description ComfyUI prompt id of the current attempt */
            promptId: string | null;
            result: {
                [key: string]: unknown;
            } | null;
            error: components["schemas"]["JobError"] | null;
            outputs: components["schemas"]["JobOutput"][];
            checkpoints: components["schemas"]["JobCheckpoint"][];
            dependsOn: string[];
            /** @enum {string} */
            onDependencyFailure: "cancel" | "run";
            parentId: string | null;
            queuedAt: string | null;
            startedAt: string | null;
            finishedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        JobPage: {
            items: components["schemas"]["Job"][];
            /** @description Pass as `cursor` to get the next page; null on the last page */
            nextCursor: string | null;
        };
        JobSummary: {
            running: number;
            /** @description Queued, scheduled, retrying, pending and paused */
            queued: number;
            /** @description Failed in the last 24 hours */
            failedRecently: number;
            /** @description Mean progress of running jobs */
            progress: number | null;
            /** @description Running and waiting jobs, running first, at most 20 */
            active: components["schemas"]["Job"][];
        };
        JobEvent: {
            id: number;
            /** @enum {string} */
            kind: "transition" | "log" | "moved" | "checkpoint";
            fromState: ("pending" | "scheduled" | "queued" | "dispatched" | "running" | "paused" | "retrying" | "completed" | "failed" | "cancelled") | null;
            toState: ("pending" | "scheduled" | "queued" | "dispatched" | "running" | "paused" | "retrying" | "completed" | "failed" | "cancelled") | null;
            attempt: number;
            message: string;
            /** @enum {string} */
            level: "info" | "warning" | "error";
            worker: {
                /** Format: uuid */
                id: string;
                name: string;
            } | null;
            actor: {
                /** Format: uuid */
                id: string;
                displayName: string;
            } | null;
            details: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            at: string;
        };
        JobEventList: {
            items: components["schemas"]["JobEvent"][];
        };
        BulkJobResult: {
            results: {
                /** Format: uuid */
                id: string;
                ok: boolean;
                code: string | null;
                detail: string | null;
            }[];
        };
        CreateJobSchedule: {
            name: string;
            /** @description Five or six fields (`0 3 * * *`: every day at 03:00), or a nickname like `@daily` */
            cron: string;
            /**
             * @description IANA time zone the cron fields are read in
             * @default UTC
             */
            timezone: string;
            /** @default true */
            enabled: boolean;
            job: {
                /** @description One of comfy.render, retention.sweep, notifications.digest, import.analyse, import.commit, segment.qa, image.analyse, variant.collect, media.transcode, scene.assemble, delivery.package */
                kind: string;
                /**
                 * @description IDs and settings; checked per kind
                 * @default {}
                 */
                payload: {
                    [key: string]: unknown;
                };
                /**
                 * @default normal
                 * @enum {string}
                 */
                priority: "urgent" | "normal" | "background";
                /** Format: uuid */
                projectId?: string;
                /**
                 * @description A worker must carry every one
                 * @default []
                 */
                requiredTags: string[];
                /**
                 * @description Break ties between suitable workers
                 * @default []
                 */
                preferredTags: string[];
                /**
                 * @description Only start inside the off-peak window
                 * @default false
                 */
                offPeakOnly: boolean;
                /**
                 * @description Attempts after infrastructure failures
                 * @default 3
                 */
                maxAttempts: number;
                /** @description Shown in the tray and the queue */
                label?: string;
                /**
                 * @description Not counted against budgets and quotas (needs the "jobs.manage" permission)
                 * @default false
                 */
                budgetExempt: boolean;
            };
        };
        UpdateJobSchedule: {
            name?: string;
            cron?: string;
            timezone?: string;
            enabled?: boolean;
        };
        JobSchedule: {
            /** Format: uuid */
            id: string;
            name: string;
            cron: string;
            timezone: string;
            enabled: boolean;
            job: {
                [key: string]: unknown;
            };
            owner: {
                /** Format: uuid */
                id: string;
                displayName: string;
            } | null;
            nextRunAt: string | null;
            lastRunAt: string | null;
            lastJobId: string | null;
            /** @description Why the last occurrence could not be submitted */
            lastError: string | null;
            /** @description The next five occurrences */
            upcoming: string[];
            /** Format: date-time */
            createdAt: string;
        };
        CreateBudget: {
            /** @enum {string} */
            scope: "project" | "user";
            /**
             * Format: uuid
             * @description For a project budget
             */
            projectId?: string;
            /**
             * Format: uuid
             * @description For a user's quota
             */
            userId?: string;
            /** @description GPU hours */
            limitHours: number;
            /**
             * @description `total` for a whole budget; day/week/month reset (UTC)
             * @default total
             * @enum {string}
             */
            period: "total" | "day" | "week" | "month";
            /**
             * @description Fractions of the limit at which the owner is warned, e.g. [0.75, 0.9]
             * @default [
             *       0.75,
             *       0.9
             *     ]
             */
            warnAt: number[];
            /**
             * @description Hold new work once the limit is reached (false: warn only)
             * @default true
             */
            hardLimit: boolean;
        };
        UpdateBudget: {
            limitHours?: number;
            /** @enum {string} */
            period?: "total" | "day" | "week" | "month";
            warnAt?: number[];
            hardLimit?: boolean;
        };
        Budget: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            scope: "project" | "user";
            project: {
                /** Format: uuid */
                id: string;
                name: string;
            } | null;
            user: {
                /** Format: uuid */
                id: string;
                displayName: string;
            } | null;
            limitHours: number;
            /** @enum {string} */
            period: "total" | "day" | "week" | "month";
            periodStart: string | null;
            /** @description GPU hours of finished work in the period (exempt jobs not counted) */
            usedHours: number;
            /** @description GPU hours of exempt jobs in the period, shown but not counted */
            exemptHours: number;
            fraction: number;
            /** @enum {string} */
            state: "ok" | "warning" | "exceeded";
            remainingHours: number;
            /** @description At the last 7 days’ rate; null when nothing is being used */
            daysLeft: number | null;
            warnAt: number[];
            hardLimit: boolean;
        };
        DomainEvent: {
            id: number;
            /** @enum {string} */
            type: "job.created" | "job.state_changed" | "job.progress" | "job.updated" | "job.moved" | "notification.created" | "scene.run_changed" | "segment.updated" | "note.changed" | "annotation.changed";
            /** Format: date-time */
            at: string;
            projectId: string | null;
            userId: string | null;
            payload: {
                [key: string]: unknown;
            };
        };
        Notification: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            level: "info" | "success" | "warning" | "error";
            title: string;
            body: string;
            /** @description App path to open, e.g. `/jobs/…` */
            link: string | null;
            kind: string;
            /**
             * @description held: waiting for do-not-disturb to end; digest: summarised
             * @enum {string}
             */
            delivery: "live" | "held" | "digest";
            readAt: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        NotificationPage: {
            items: components["schemas"]["Notification"][];
            nextCursor: string | null;
            unread: number;
        };
        NotificationPreferences: {
            /** @description Per kind: `in_app` (live toast and the list), `digest` (collected into a periodic summary), `muted` */
            kinds: {
                [key: string]: "in_app" | "digest" | "muted";
            };
            /**
             * @description How often the digest comes
             * @enum {string}
             */
            digest: "hourly" | "daily";
            /** @description Holds non-critical notifications; they arrive when it ends */
            doNotDisturb: boolean;
            /** @description Ends do-not-disturb by itself at this time */
            doNotDisturbUntil: string | null;
        };
        ImageVariantType: {
            /** Format: uuid */
            id: string;
            name: string;
            slug: string;
            /** @description Prefix of delivered file names; empty for the default type */
            filePrefix: string;
            isDefault: boolean;
            sortOrder: number;
            /** @description How this variant is derived from a source image (PRD-021) */
            generation: {
                /** @description Image-to-image workflow version; null: not generated */
                workflowVersionId: string | null;
                workflowName: string | null;
                /** @description Its prompt; `{character_name}` and `{metadata.field}` are filled in */
                prompt: string;
            };
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        VariantGeneration: {
            /**
             * Format: uuid
             * @description The image-to-image render (GPU)
             */
            renderJobId: string;
            /**
             * Format: uuid
             * @description Registers its pictures as `generated` variants
             */
            collectJobId: string;
        };
        ImportFile: {
            path: string;
            size: number;
            /** @enum {string} */
            role: "source" | "variant" | "metadata" | "ignored";
            variantTypeSlug?: string;
            /** @description Why the file is ignored */
            note?: string;
        };
        ImportEntry: {
            /** @description Path of the character folder inside the upload; identifies the entry */
            folder: string;
            /** @description Character name: the folder name, or the rename chosen in the preview */
            name: string;
            /**
             * @description What importing does: a new character, new images or metadata for an existing one, nothing
             * @enum {string}
             */
            action: "create" | "update" | "unchanged" | "skip";
            /** @description The entry cannot be imported while it has errors */
            errors: string[];
            warnings: string[];
            newImages: number;
            sourceImage: boolean;
            /** @description New variant images per variant type slug */
            variants: {
                [key: string]: number;
            };
            metadataChange: boolean;
            metadata: {
                [key: string]: unknown;
            } | null;
            files: components["schemas"]["ImportFile"][];
        };
        CharacterImport: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            projectId: string;
            /** @enum {string} */
            status: "analysing" | "ready" | "importing" | "completed" | "failed" | "cancelled";
            /** @enum {string} */
            sourceKind: "folder" | "zip";
            sourceName: string;
            createdBy: {
                /** Format: uuid */
                id: string;
                displayName: string;
            } | null;
            progress: {
                done: number;
                total: number;
            };
            /** @description Null while the upload is being analysed */
            totals: {
                entries: number;
                create: number;
                update: number;
                unchanged: number;
                skip: number;
                withErrors: number;
                newImages: number;
            } | null;
            entries: components["schemas"]["ImportEntry"][];
            /** @description Files outside any character folder */
            ignoredFiles: components["schemas"]["ImportFile"][];
            report: {
                created: number;
                updated: number;
                unchanged: number;
                skipped: number;
                images: number;
                characters: {
                    folder: string;
                    name: string;
                    characterId: string | null;
                    /** @enum {string} */
                    action: "create" | "update" | "unchanged" | "skip";
                }[];
            } | null;
            error: string | null;
            startedAt: string | null;
            finishedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        CharacterImportPage: {
            items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                projectId: string;
                /** @enum {string} */
                status: "analysing" | "ready" | "importing" | "completed" | "failed" | "cancelled";
                /** @enum {string} */
                sourceKind: "folder" | "zip";
                sourceName: string;
                createdBy: {
                    /** Format: uuid */
                    id: string;
                    displayName: string;
                } | null;
                progress: {
                    done: number;
                    total: number;
                };
                /** @description Null while the upload is being analysed */
                totals: {
                    entries: number;
                    create: number;
                    update: number;
                    unchanged: number;
                    skip: number;
                    withErrors: number;
                    newImages: number;
                } | null;
                report: {
                    created: number;
                    updated: number;
                    unchanged: number;
                    skipped: number;
                    images: number;
                    characters: {
                        folder: string;
                        name: string;
                        characterId: string | null;
                        /** @enum {string} */
                        action: "create" | "update" | "unchanged" | "skip";
                    }[];
                } | null;
                error: string | null;
                startedAt: string | null;
                finishedAt: string | null;
                /** Format: date-time */
                createdAt: string;
                /** Format: date-time */
                updatedAt: string;
            }[];
            /** @description Pass as `cursor` to get the next page; null on the last page */
            nextCursor: string | null;
        };
        MetadataImportPreview: {
            rows: {
                /** @description Line of the CSV (header is 1), or position in the JSON list from 1 */
                line: number;
                name: string;
                characterId: string | null;
                changes: {
                    field: string;
                    from: unknown;
                    to: unknown;
                }[];
                errors: string[];
            }[];
            totals: {
                rows: number;
                changed: number;
                unchanged: number;
                withErrors: number;
            };
        };
        MetadataImportResult: {
            updated: number;
            unchanged: number;
            skipped: number;
        };
        Note: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            projectId: string;
            /** @enum {string} */
            entityType: "project" | "character" | "scene" | "segment" | "video_version";
            /**
             * Format: uuid
             * @description The project, character, scene, segment or scene video version
             */
            entityId: string;
            /**
             * Format: uuid
             * @description The first note of the thread (the note itself when it starts one)
             */
            threadId: string;
            parentId: string | null;
            /** @description 0-based frame of the entity’s video the note is about */
            frame: number | null;
            /** @description `HH:MM:SS:FF` of `frame` when the video’s frame rate is known */
            timecode: string | null;
            /** @description Empty when deleted */
            body: string;
            /** @enum {string} */
            category: "general" | "direction" | "technical" | "client";
            /** @enum {string} */
            visibility: "team" | "internal";
            failureTags: ("face_artifact" | "motion_artifact" | "lighting_mismatch" | "identity_drift" | "continuity_break" | "other")[];
            pinned: boolean;
            pinnedAt: string | null;
            resolved: boolean;
            resolvedAt: string | null;
            resolvedBy: {
                /** Format: uuid */
                id: string;
                displayName: string;
            } | null;
            author: {
                /** Format: uuid */
                id: string;
                displayName: string;
            };
            mentions: {
                /** Format: uuid */
                id: string;
                displayName: string;
            }[];
            editedAt: string | null;
            /** @description Deleted notes stay in their thread while it has live replies */
            deleted: boolean;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        NoteThread: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            projectId: string;
            /** @enum {string} */
            entityType: "project" | "character" | "scene" | "segment" | "video_version";
            /**
             * Format: uuid
             * @description The project, character, scene, segment or scene video version
             */
            entityId: string;
            /**
             * Format: uuid
             * @description The first note of the thread (the note itself when it starts one)
             */
            threadId: string;
            parentId: string | null;
            /** @description 0-based frame of the entity’s video the note is about */
            frame: number | null;
            /** @description `HH:MM:SS:FF` of `frame` when the video’s frame rate is known */
            timecode: string | null;
            /** @description Empty when deleted */
            body: string;
            /** @enum {string} */
            category: "general" | "direction" | "technical" | "client";
            /** @enum {string} */
            visibility: "team" | "internal";
            failureTags: ("face_artifact" | "motion_artifact" | "lighting_mismatch" | "identity_drift" | "continuity_break" | "other")[];
            pinned: boolean;
            pinnedAt: string | null;
            resolved: boolean;
            resolvedAt: string | null;
            resolvedBy: {
                /** Format: uuid */
                id: string;
                displayName: string;
            } | null;
            author: {
                /** Format: uuid */
                id: string;
                displayName: string;
            };
            mentions: {
                /** Format: uuid */
                id: string;
                displayName: string;
            }[];
            editedAt: string | null;
            /** @description Deleted notes stay in their thread while it has live replies */
            deleted: boolean;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description Oldest first */
            replies: components["schemas"]["Note"][];
        };
        NoteThreadPage: {
            items: components["schemas"]["NoteThread"][];
            nextCursor: string | null;
            /** @description Threads matching the filter */
            total: number;
        };
        AnnotatedShape: {
            /** @constant */
            type: "pen";
            /** @description The client’s id for the shape (kept as given) */
            id?: string;
            points: [
                number,
                number
            ][];
            /** @description `#rrggbb` */
            color: string;
            /** @description Line width as a fraction of the frame’s width */
            stroke: number;
            /** @description Whose layer it is on */
            author: {
                /** Format: uuid */
                id: string;
                displayName: string;
            } | null;
        } | {
            /** @constant */
            type: "arrow";
            /** @description The client’s id for the shape (kept as given) */
            id?: string;
            /** @description [x, y], 0–1 of the frame’s width and height from the top left */
            from: [
                number,
                number
            ];
            /** @description [x, y], 0–1 of the frame’s width and height from the top left */
            to: [
                number,
                number
            ];
            /** @description `#rrggbb` */
            color: string;
            /** @description Line width as a fraction of the frame’s width */
            stroke: number;
            /** @description Whose layer it is on */
            author: {
                /** Format: uuid */
                id: string;
                displayName: string;
            } | null;
        } | {
            /** @constant */
            type: "rect";
            /** @description The client’s id for the shape (kept as given) */
            id?: string;
            x: number;
            y: number;
            w: number;
            h: number;
            /** @description `#rrggbb` */
            color: string;
            /** @description Line width as a fraction of the frame’s width */
            stroke: number;
            /** @description Whose layer it is on */
            author: {
                /** Format: uuid */
                id: string;
                displayName: string;
            } | null;
        } | {
            /** @constant */
            type: "text";
            /** @description The client’s id for the shape (kept as given) */
            id?: string;
            /** @description Left of the text */
            x: number;
            /** @description Baseline of the text */
            y: number;
            text: string;
            /** @description `#rrggbb` */
            color: string;
            /** @description Font size as a fraction of the frame’s height */
            size: number;
            /** @description Whose layer it is on */
            author: {
                /** Format: uuid */
                id: string;
                displayName: string;
            } | null;
        };
        FrameAnnotation: {
            /** Format: uuid */
            fileId: string;
            frame: number;
            /** @description Every layer; each shape names its author */
            shapes: components["schemas"]["AnnotatedShape"][];
            layers: {
                author: {
                    /** Format: uuid */
                    id: string;
                    displayName: string;
                } | null;
                shapes: number;
            }[];
            updatedAt: string | null;
            updatedBy: {
                /** Format: uuid */
                id: string;
                displayName: string;
            } | null;
        };
        AnnotatedFrames: {
            /** Format: uuid */
            fileId: string;
            frameCount: number;
            fps: number | null;
            items: {
                frame: number;
                shapes: number;
                authors: {
                    /** Format: uuid */
                    id: string;
                    displayName: string;
                }[];
                /** Format: date-time */
                updatedAt: string;
            }[];
        };
        Poster: {
            /** Format: uuid */
            fileId: string;
            url: string;
            thumbnailUrl: string | null;
            width: number | null;
            height: number | null;
            /** @description The video the frame was taken from; null for an image */
            sourceFileId: string | null;
            frame: number | null;
        };
        PosterState: {
            /** @description null: not chosen; lists fall back to the usual thumbnail */
            poster: components["schemas"]["Poster"] | null;
        };
        AutoPoster: {
            poster: components["schemas"]["Poster"];
            /** @enum {string} */
            method: "face" | "sharpest" | "middle";
            /** @description Why this frame: the face score, or why there was no face to go by */
            detail: string;
            frame: number;
            /** @description Frames looked at */
            candidates: number;
        };
        MentionCandidates: {
            items: {
                /** Format: uuid */
                id: string;
                displayName: string;
                /** @enum {string} */
                role: "admin" | "creator" | "reviewer";
            }[];
        };
        OutputProfile: {
            /** Format: uuid */
            id: string;
            name: string;
            description: string;
            /** @enum {string} */
            container: "mp4" | "mov" | "webm";
            /** @enum {string} */
            videoCodec: "h264" | "h265" | "vp9" | "prores";
            /** @description Output width in pixels; null (with height null) keeps the source size */
            width: number | null;
            /** @description Output height in pixels; null (with width null) keeps the source size */
            height: number | null;
            /** @description Frame rate; null keeps the source rate */
            fps: number | null;
            /** @description Constant quality (lower is better); exactly one of crf and bitrateKbps */
            crf: number | null;
            /** @description Target bitrate in kbit/s; exactly one of crf and bitrateKbps */
            bitrateKbps: number | null;
            /** @enum {string} */
            pixelFormat: "yuv420p" | "yuv422p" | "yuv444p" | "yuv420p10le" | "yuv422p10le" | "yuv444p10le";
            /**
             * @description `drop`: no audio track; `silent`: a silent track, for platforms that require one
             * @enum {string}
             */
            audio: "drop" | "silent";
            /** @description Shipped with the studio: read-only, duplicate it to change it */
            isPreset: boolean;
            createdBy: {
                /** Format: uuid */
                id: string;
                displayName: string;
            } | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        OutputProfilePage: {
            items: components["schemas"]["OutputProfile"][];
            /** @description Pass as `cursor` to get the next page; null on the last page */
            nextCursor: string | null;
        };
        Watermark: {
            /** @enum {string} */
            kind: "text" | "image";
            /** @description The text drawn (kind `text`) */
            text?: string;
            /**
             * Format: uuid
             * @description A stored image (kind `image`), e.g. from POST /watermark-images
             */
            imageFileId?: string;
            /** @enum {string} */
            position: "center" | "top_left" | "top_right" | "bottom_left" | "bottom_right";
            opacity: number;
            /** @description Width of the watermark as a fraction of the video width */
            scale: number;
            /** @description Also burn in a running timecode */
            timecode: boolean;
        };
        Rendition: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            videoVersionId: string;
            /** @enum {string} */
            kind: "profile" | "review_cut";
            /** @description The output profile (kind `profile`) */
            profile: {
                /** Format: uuid */
                id: string;
                name: string;
            } | null;
            /** @description The watermark as drawn (kind `review_cut`) */
            watermark: components["schemas"]["Watermark"] | null;
            /** @enum {string} */
            status: "queued" | "running" | "ready" | "failed";
            progress: number;
            /** @description The profile was edited after this file was made */
            stale: boolean;
            /** @description Set once ready */
            file: {
                /** Format: uuid */
                id: string;
                /** @description Signed, time-limited URL of the file */
                url: string;
                mimeType: string;
                width: number | null;
                height: number | null;
                sizeBytes: number;
                /** @description A file name to save it under */
                filename: string;
            } | null;
            jobId: string | null;
            error: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        TranscodePayload: {
            /**
             * Format: uuid
             * @description The rendition to make
             */
            renditionId: string;
        };
        GenerationSettings: {
            /** @enum {string} */
            qaProfile: "strict" | "standard" | "lenient";
            /** @description Per gate: `hard` fails a segment, `soft` flags it; null turns that side of the gate off */
            qaOverrides: {
                [key: string]: {
                    hard?: number | null;
                    soft?: number | null;
                };
            };
            /** @description The rule set in force: the profile with the overrides applied */
            qaThresholds: {
                continuity: {
                    hard: number | null;
                    soft: number | null;
                };
                facePresence: {
                    hard: number | null;
                    soft: number | null;
                };
                faceConfidence: {
                    hard: number | null;
                    soft: number | null;
                };
                likeness: {
                    hard: number | null;
                    soft: number | null;
                };
                likenessDrift: {
                    hard: number | null;
                    soft: number | null;
                };
                motion: {
                    hard: number | null;
                    soft: number | null;
                };
                blackFrames: {
                    hard: number | null;
                    soft: number | null;
                };
                frozenFrames: {
                    hard: number | null;
                    soft: number | null;
                };
                nearDuplicates: {
                    hard: number | null;
                    soft: number | null;
                };
                sharpness: {
                    hard: number | null;
                    soft: number | null;
                };
            };
            /** @description Smart auto-retry (PRD-071) */
            retryPolicy: {
                /** @default false */
                enabled: boolean;
                /**
                 * @description Attempts per segment, the first included
                 * @default 3
                 */
                maxAttempts: number;
                /**
                 * @description Numeric slot → largest relative change per attempt, e.g. `{ "cfg": 0.1 }`
                 * @default {}
                 */
                jitter: {
                    [key: string]: number;
                };
            };
            /**
             * @description `last`: the literal last frame; `auto`: the calmest of the final N frames; `manual`: a person picks it
             * @enum {string}
             */
            boundaryMode: "last" | "auto" | "manual";
            boundaryWindowFrames: number;
            /** @description Re-seed from the hero when likeness of a boundary frame falls below this (PRD-026) */
            anchorBelow: number | null;
            /** @description Match each boundary frame’s colours to the hero before seeding */
            colourMatch: boolean;
        };
        Segment: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            sceneId: string;
            runId: string | null;
            /** @description Position in the scene, from 1 */
            index: number;
            /** @description Every attempt and regeneration at an index is a new version */
            version: number;
            /** @description The version in use at its index */
            isCurrent: boolean;
            attempt: number;
            /** @enum {string} */
            status: "pending" | "generating" | "qa_pass" | "qa_fail" | "approved" | "rejected" | "failed" | "cancelled";
            seedSource: ("hero" | "boundary" | "anchor" | "transition") | null;
            variantTypeSlug: string | null;
            clipPosition: ("full_clip" | "start_clip" | "continuation_clip") | null;
            /** @description The prompt sent, and which template it came from */
            prompt: {
                source: string;
                positive: string;
                negative: string;
                unresolved: string[];
            } | null;
            parameters: {
                [key: string]: unknown;
            };
            /**
             * @description `draft`: half resolution, fewer steps, for test shots (never delivered); `production`: full
             * @enum {string}
             */
            tier: "draft" | "production";
            frameCount: number | null;
            fps: number | null;
            width: number | null;
            height: number | null;
            /** @description Seconds this segment adds to the scene (after trimming) */
            durationSeconds: number | null;
            trimStartFrames: number;
            boundaryFrameIndex: number | null;
            boundaryMode: ("last" | "auto" | "manual") | null;
            qa: {
                verdict: ("pass" | "flag" | "fail") | null;
                reasons: {
                    gate: string;
                    /** @enum {string} */
                    severity: "hard" | "soft";
                    value: number | null;
                    threshold: number | null;
                    message: string;
                }[];
                scores: {
                    [key: string]: unknown;
                };
                rank: number | null;
            };
            error: {
                code: string | null;
                message: string;
            } | null;
            /** @description The image this segment was generated from */
            seed: {
                /** Format: uuid */
                id: string;
                url: string;
                thumbnailUrl: string | null;
            } | null;
            /** @description The rendered clip */
            output: {
                /** Format: uuid */
                id: string;
                url: string;
                thumbnailUrl: string | null;
            } | null;
            /** @description The chosen boundary frame (lossless PNG) */
            boundary: {
                /** Format: uuid */
                id: string;
                url: string;
                thumbnailUrl: string | null;
            } | null;
            renderJobId: string | null;
            qaJobId: string | null;
            approvedAt: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        SceneRun: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            sceneId: string;
            /** @enum {string} */
            purpose: "generate" | "regenerate" | "test_shot";
            /** @enum {string} */
            status: "running" | "awaiting_boundary" | "needs_attention" | "completed" | "failed" | "cancelled";
            /**
             * @description `draft`: half resolution, fewer steps, for test shots (never delivered); `production`: full
             * @enum {string}
             */
            tier: "draft" | "production";
            targetSeconds: number;
            toleranceSeconds: number;
            segmentSeconds: number;
            segmentsEstimated: number;
            segmentsDone: number;
            secondsDone: number;
            fromIndex: number;
            cascade: boolean;
            transitionAtSegment: number | null;
            error: {
                code: string | null;
                message: string;
            } | null;
            startedBy: {
                /** Format: uuid */
                id: string;
                displayName: string;
            } | null;
            /** Format: date-time */
            startedAt: string;
            finishedAt: string | null;
            elapsedSeconds: number;
            /** @description Estimated from the segments so far; null before the first */
            remainingSeconds: number | null;
        };
        SceneGeneration: {
            /** Format: uuid */
            sceneId: string;
            /** @description The live run, else the latest */
            run: components["schemas"]["SceneRun"] | null;
            /** @description Current version at each index, in order */
            segments: components["schemas"]["Segment"][];
            /** @description Earlier versions and attempts, newest first */
            attempts: components["schemas"]["Segment"][];
            /** @description Test shots of this scene (kept beside the chain), newest first */
            testShots: components["schemas"]["Segment"][];
            /** @description Every run of the scene, newest first (at most 20) */
            runs: components["schemas"]["SceneRun"][];
        };
        StartGeneration: {
            /**
             * @description `draft`: half resolution, fewer steps, for test shots (never delivered); `production`: full
             * @default production
             * @enum {string}
             */
            tier: "draft" | "production";
            /** @description Override of the scene type’s target duration for this run */
            targetSeconds?: number;
            /** @description comfy-sim fault injection per segment/attempt (ignored by a real ComfyUI); for drills and QA evaluation */
            sim?: {
                /** @description Only this segment index */
                segment?: number;
                /** @description Only this attempt */
                attempt?: number;
                /** @description comfy-sim fault injection (ignored by a real ComfyUI) */
                faults: {
                    failAt?: string;
                    failMessage?: string;
                    stallMs?: number;
                    slowdown?: number;
                    dropSocket?: boolean;
                    restart?: boolean;
                    /** @enum {string} */
                    frames?: "black" | "frozen" | "drift" | "noface" | "jump" | "swap";
                    /** @description An input image already uploaded to the worker: where `frames: 'swap'` drifts to */
                    swapImage?: string;
                    historyDelayMs?: number;
                    corrupt?: boolean;
                };
            }[];
        };
        RegenerateSegment: {
            /**
             * @description Also regenerate every later segment from the new boundary frames
             * @default false
             */
            cascade: boolean;
            /** @description comfy-sim fault injection per segment/attempt (ignored by a real ComfyUI); for drills and QA evaluation */
            sim?: {
                /** @description Only this segment index */
                segment?: number;
                /** @description Only this attempt */
                attempt?: number;
                /** @description comfy-sim fault injection (ignored by a real ComfyUI) */
                faults: {
                    failAt?: string;
                    failMessage?: string;
                    stallMs?: number;
                    slowdown?: number;
                    dropSocket?: boolean;
                    restart?: boolean;
                    /** @enum {string} */
                    frames?: "black" | "frozen" | "drift" | "noface" | "jump" | "swap";
                    /** @description An input image already uploaded to the worker: where `frames: 'swap'` drifts to */
                    swapImage?: string;
                    historyDelayMs?: number;
                    corrupt?: boolean;
                };
            }[];
        };
        GenerationSelection: {
            /** @description Rows; default every character */
            characterIds?: string[];
            /** @description Columns; default every enabled scene type */
            sceneTypeIds?: string[];
            /** @description Exact scenes (overrides rows and columns) */
            sceneIds?: string[];
            /**
             * @description `not_started`: scenes never generated; `failed`: scenes whose last run failed
             * @default not_started
             * @enum {string}
             */
            only: "all" | "not_started" | "failed";
        };
        BatchGeneration: {
            /** @description Rows; default every character */
            characterIds?: string[];
            /** @description Columns; default every enabled scene type */
            sceneTypeIds?: string[];
            /** @description Exact scenes (overrides rows and columns) */
            sceneIds?: string[];
            /**
             * @description `not_started`: scenes never generated; `failed`: scenes whose last run failed
             * @default not_started
             * @enum {string}
             */
            only: "all" | "not_started" | "failed";
            /**
             * @description `draft`: half resolution, fewer steps, for test shots (never delivered); `production`: full
             * @default production
             * @enum {string}
             */
            tier: "draft" | "production";
        };
        GenerationEstimate: {
            scenes: number;
            segments: number;
            gpuSeconds: number;
            wallSeconds: number;
            /** @description Enabled, healthy workers the estimate spreads the work over */
            workers: number;
            /** @enum {string} */
            confidence: "high" | "medium" | "low" | "none";
            lines: {
                workflow: string;
                workerClass: string;
                scenes: number;
                segments: number;
                secondsPerSegment: number;
                low: number;
                high: number;
                samples: number;
                /** @enum {string} */
                confidence: "high" | "medium" | "low" | "none";
                gpuSeconds: number;
            }[];
            skipped: {
                sceneId: string | null;
                cell: string;
                reason: string;
            }[];
        };
        BatchGenerationResult: {
            started: {
                /** Format: uuid */
                sceneId: string;
                /** Format: uuid */
                runId: string;
            }[];
            skipped: {
                sceneId: string | null;
                cell: string;
                reason: string;
            }[];
        };
        GenerationDashboard: {
            /** Format: uuid */
            projectId: string;
            scenes: number;
            /** @description Scenes per scene status */
            byStatus: {
                [key: string]: number;
            };
            /** @description Latest run per scene, counted by run status */
            runs: {
                [key: string]: number;
            };
            segmentsDone: number;
            segmentsEstimated: number;
            live: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                sceneId: string;
                /** @enum {string} */
                purpose: "generate" | "regenerate" | "test_shot";
                /** @enum {string} */
                status: "running" | "awaiting_boundary" | "needs_attention" | "completed" | "failed" | "cancelled";
                /**
                 * @description `draft`: half resolution, fewer steps, for test shots (never delivered); `production`: full
                 * @enum {string}
                 */
                tier: "draft" | "production";
                targetSeconds: number;
                toleranceSeconds: number;
                segmentSeconds: number;
                segmentsEstimated: number;
                segmentsDone: number;
                secondsDone: number;
                fromIndex: number;
                cascade: boolean;
                transitionAtSegment: number | null;
                error: {
                    code: string | null;
                    message: string;
                } | null;
                startedBy: {
                    /** Format: uuid */
                    id: string;
                    displayName: string;
                } | null;
                /** Format: date-time */
                startedAt: string;
                finishedAt: string | null;
                elapsedSeconds: number;
                /** @description Estimated from the segments so far; null before the first */
                remainingSeconds: number | null;
                characterName: string;
                sceneTypeName: string;
            }[];
        };
        StartTestShots: {
            /**
             * Format: uuid
             * @description The scene type to try
             */
            sceneTypeId: string;
            /** @description Default: every character of the project */
            characterIds?: string[];
            /**
             * @description `draft`: half resolution, fewer steps, for test shots (never delivered); `production`: full
             * @default draft
             * @enum {string}
             */
            tier: "draft" | "production";
        };
        TestShotList: {
            items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                sceneId: string;
                runId: string | null;
                /** @description Position in the scene, from 1 */
                index: number;
                /** @description Every attempt and regeneration at an index is a new version */
                version: number;
                /** @description The version in use at its index */
                isCurrent: boolean;
                attempt: number;
                /** @enum {string} */
                status: "pending" | "generating" | "qa_pass" | "qa_fail" | "approved" | "rejected" | "failed" | "cancelled";
                seedSource: ("hero" | "boundary" | "anchor" | "transition") | null;
                variantTypeSlug: string | null;
                clipPosition: ("full_clip" | "start_clip" | "continuation_clip") | null;
                /** @description The prompt sent, and which template it came from */
                prompt: {
                    source: string;
                    positive: string;
                    negative: string;
                    unresolved: string[];
                } | null;
                parameters: {
                    [key: string]: unknown;
                };
                /**
                 * @description `draft`: half resolution, fewer steps, for test shots (never delivered); `production`: full
                 * @enum {string}
                 */
                tier: "draft" | "production";
                frameCount: number | null;
                fps: number | null;
                width: number | null;
                height: number | null;
                /** @description Seconds this segment adds to the scene (after trimming) */
                durationSeconds: number | null;
                trimStartFrames: number;
                boundaryFrameIndex: number | null;
                boundaryMode: ("last" | "auto" | "manual") | null;
                qa: {
                    verdict: ("pass" | "flag" | "fail") | null;
                    reasons: {
                        gate: string;
                        /** @enum {string} */
                        severity: "hard" | "soft";
                        value: number | null;
                        threshold: number | null;
                        message: string;
                    }[];
                    scores: {
                        [key: string]: unknown;
                    };
                    rank: number | null;
                };
                error: {
                    code: string | null;
                    message: string;
                } | null;
                /** @description The image this segment was generated from */
                seed: {
                    /** Format: uuid */
                    id: string;
                    url: string;
                    thumbnailUrl: string | null;
                } | null;
                /** @description The rendered clip */
                output: {
                    /** Format: uuid */
                    id: string;
                    url: string;
                    thumbnailUrl: string | null;
                } | null;
                /** @description The chosen boundary frame (lossless PNG) */
                boundary: {
                    /** Format: uuid */
                    id: string;
                    url: string;
                    thumbnailUrl: string | null;
                } | null;
                renderJobId: string | null;
                qaJobId: string | null;
                approvedAt: string | null;
                /** Format: date-time */
                createdAt: string;
                characterName: string;
                sceneTypeName: string;
            }[];
        };
        ProjectRetention: {
            /** @description Failed generation outputs become reclaimable after this many days */
            failedOutputsDays: number;
            /** @description Artifacts of cancelled jobs become reclaimable after this many days */
            cancelledArtifactsDays: number;
            /** @description Deleted items stay restorable in the trash for this many days */
            trashGraceDays: number;
        };
        ProjectSettings: {
            /** @description When true, creators cannot give final approval to scenes they generated themselves */
            requireIndependentApproval: boolean;
            /** @description What a character needs to count as ready (PRD-107) */
            readiness: {
                sourceImage: boolean;
                /** @description An approved hero for every variant type the enabled scene types need */
                heroes: boolean;
                /** @description Metadata complete and valid against the metadata schema */
                metadata: boolean;
                /** @description Keys of the character's pipeline settings that must have a value */
                requiredSettings: string[];
            };
            /** @description What review cuts of this project are watermarked with; null uses the studio's ("REVIEW") */
            reviewWatermark: components["schemas"]["Watermark"] | null;
        };
        Project: {
            /** Format: uuid */
            id: string;
            name: string;
            description: string;
            /** @enum {string} */
            status: "setup" | "active" | "delivered" | "archived" | "closed";
            /** @description Delivered, archived and closed projects refuse edits until re-opened */
            locked: boolean;
            /** @description Statuses this project may move to now */
            allowedTransitions: ("setup" | "active" | "delivered" | "archived" | "closed")[];
            retention: components["schemas"]["ProjectRetention"];
            settings: components["schemas"]["ProjectSettings"];
            /** @description JSON Schema of the characters’ delivery metadata (metadata.json); null for none */
            metadataSchema: {
                [key: string]: unknown;
            } | null;
            createdBy: {
                /** Format: uuid */
                id: string;
                displayName: string;
            } | null;
            deletedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        ProjectPage: {
            items: components["schemas"]["Project"][];
            /** @description Pass as `cursor` to get the next page; null on the last page */
            nextCursor: string | null;
        };
        CharacterReadiness: {
            character: components["schemas"]["CharacterSummary"];
            /** @enum {string} */
            state: "ready" | "partial" | "not_started";
            percent: number;
            items: {
                /** @description `source_image`, `hero:<variant slug>`, `metadata`, `setting:<key>` or `scene_types` */
                key: string;
                /** @enum {string} */
                kind: "source_image" | "hero" | "metadata" | "setting" | "scene_types";
                label: string;
                done: boolean;
                detail?: string;
            }[];
            missing: string[];
        };
        ReadinessPage: {
            items: components["schemas"]["CharacterReadiness"][];
            /** @description Pass as `cursor` to get the next page; null on the last page */
            nextCursor: string | null;
            summary: {
                total: number;
                ready: number;
                partial: number;
                notStarted: number;
                /** @description Per item, how many characters lack it (over the whole project, before filters) */
                missing: {
                    key: string;
                    label: string;
                    count: number;
                }[];
            };
        };
        SceneMatrix: {
            /** Format: uuid */
            projectId: string;
            variantTypes: {
                /** Format: uuid */
                id: string;
                slug: string;
                name: string;
            }[];
            sceneTypes: {
                /** Format: uuid */
                id: string;
                name: string;
                contentName: string;
            }[];
            columns: {
                /** @description `sceneTypeId:variantTypeId`, the same in every row */
                key: string;
                /** Format: uuid */
                sceneTypeId: string;
                /**
                 * Format: uuid
                 * @description The variant the scene starts from
                 */
                variantTypeId: string;
                transition: {
                    /** Format: uuid */
                    toVariantTypeId: string;
                    suffix: string;
                } | null;
                /** @description Delivered file name of the scene video */
                fileName: string | null;
                namingProblem: string | null;
            }[];
            rows: {
                character: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                    thumbnailUrl: string | null;
                };
                cells: {
                    sceneId: string | null;
                    /** @enum {string} */
                    status: "not_created" | "pending" | "generating" | "review" | "approved" | "rejected" | "failed";
                    /** @description What keeps this cell from being generated */
                    blockers: {
                        /** @enum {string} */
                        code: "no_source_image" | "no_hero" | "unnamable";
                        /** Format: uuid */
                        variantTypeId?: string;
                    }[];
                }[];
            }[];
            /** @description More characters follow; pass as `cursor` */
            nextCursor: string | null;
            totals: {
                cells: number;
                created: number;
                ready: number;
            };
        };
        Scene: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            projectId: string;
            character: {
                /** Format: uuid */
                id: string;
                name: string;
                thumbnailUrl: string | null;
            };
            sceneType: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            variantType: {
                /** Format: uuid */
                id: string;
                slug: string;
                name: string;
            };
            transition: {
                /** Format: uuid */
                toVariantTypeId: string;
                suffix: string;
            } | null;
            /** @enum {string} */
            status: "pending" | "generating" | "review" | "approved" | "rejected" | "failed";
            /** @description Delivered file name of the scene video */
            fileName: string | null;
            tags: string[];
            finalVersionId: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        SceneVideoVersion: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            sceneId: string;
            versionNumber: number;
            /** @enum {string} */
            source: "generated" | "imported";
            /** @description The version delivered; at most one per scene */
            isFinal: boolean;
            notes: string;
            durationSeconds: number;
            fps: number | null;
            frameCount: number | null;
            codec: string;
            file: {
                /** Format: uuid */
                id: string;
                /** @description Signed, time-limited URL of the video (supports HTTP range requests) */
                url: string;
                /** @description Signed URL of a still of the first frame */
                posterUrl: string | null;
                mimeType: string;
                width: number | null;
                height: number | null;
                sizeBytes: number;
                originalFilename: string | null;
            };
            createdBy: {
                /** Format: uuid */
                id: string;
                displayName: string;
            } | null;
            deletedAt: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        ReviewDecision: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            segmentId: string;
            /** Format: uuid */
            sceneId: string;
            /** @enum {string} */
            decision: "approve" | "reject" | "flag" | "unflag";
            reasonCode: ("face_artifact" | "motion_artifact" | "lighting_mismatch" | "identity_drift" | "continuity_break" | "other") | null;
            note: string;
            /** @description The version of the segment the decision was made on */
            segmentVersion: number;
            /** @description The segment status before the decision (undo restores it) */
            previousStatus: string;
            /** @description Shared by every decision of one batch approval */
            batchId: string | null;
            /** @description The regeneration a rejection requeued the segment with, if any */
            regenerationRunId: string | null;
            decidedBy: {
                /** Format: uuid */
                id: string;
                displayName: string;
            } | null;
            /** Format: date-time */
            decidedAt: string;
            undoneAt: string | null;
        };
        ReviewItem: {
            segment: components["schemas"]["Segment"];
            /** @enum {string} */
            state: "unreviewed" | "flagged" | "approved" | "rejected";
            flaggedAt: string | null;
            scene: {
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                status: "pending" | "generating" | "review" | "approved" | "rejected" | "failed";
            };
            character: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            sceneType: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            /** @description Current segments of the scene, for “segment 2 of 3” */
            segmentsInScene: number;
            /** @description Who started the run that made this segment (independent approval is checked against it) */
            generatedBy: {
                /** Format: uuid */
                id: string;
                displayName: string;
            } | null;
            /** @description The latest decision not undone */
            latestDecision: components["schemas"]["ReviewDecision"] | null;
        };
        ReviewQueue: {
            items: components["schemas"]["ReviewItem"][];
            /** @description Pass as `cursor` to get the next page; null on the last page */
            nextCursor: string | null;
            /** @description Segments in each state under the same scene type, character and QA filters */
            counts: {
                unreviewed: number;
                flagged: number;
                approved: number;
                rejected: number;
                all: number;
            };
        };
        ReviewBody: {
            /** @enum {string} */
            decision: "approve" | "reject" | "flag" | "unflag";
            /**
             * @description Why: with `reject`, or with `flag` to suggest a rejection
             * @enum {string}
             */
            reasonCode?: "face_artifact" | "motion_artifact" | "lighting_mismatch" | "identity_drift" | "continuity_break" | "other";
            note?: string;
            /** @description With `reject`: requeue the segment for regeneration from its seed frame (no cascade) */
            regenerate?: boolean;
        };
        ReviewResult: {
            decision: components["schemas"]["ReviewDecision"];
            item: components["schemas"]["ReviewItem"];
            /** @description This decision approved the whole scene (every segment approved) */
            sceneApproved: boolean;
        };
        ReviewUndoResult: {
            undone: components["schemas"]["ReviewDecision"][];
        };
        BatchApproveBody: {
            /**
             * @default unreviewed
             * @enum {string}
             */
            state: "unreviewed" | "flagged" | "rejected" | "all";
            /** Format: uuid */
            sceneTypeId?: string;
            /** Format: uuid */
            characterId?: string;
            /**
             * @description Only segments with this QA verdict
             * @enum {string}
             */
            qa?: "pass" | "flag" | "fail";
            /** @description The count the person confirmed; a different count now is a 409 instead of a surprise */
            expectedCount?: number;
        };
        BatchApproveResult: {
            /** Format: uuid */
            batchId: string;
            approved: number;
            /** @description Scenes that became approved as a result */
            scenesApproved: number;
        };
        /** @description `full_clip` serves every position unless `start_clip` / `continuation_clip` override it */
        PromptTemplates: {
            full_clip?: {
                /** @default  */
                positive: string;
                /** @default  */
                negative: string;
            };
            start_clip?: {
                /** @default  */
                positive: string;
                /** @default  */
                negative: string;
            };
            continuation_clip?: {
                /** @default  */
                positive: string;
                /** @default  */
                negative: string;
            };
        };
        SceneTypeApplicability: {
            /** @constant */
            kind: "variants";
            variantTypeIds: string[];
        } | {
            /** @constant */
            kind: "transition";
            /** Format: uuid */
            fromVariantTypeId: string;
            /** Format: uuid */
            toVariantTypeId: string;
            /** @description The first segment generated from the target variant */
            atSegment: number;
            /** @description File-name suffix of transition scenes, e.g. `to_formal` */
            suffix: string;
            /** @default null */
            transitionWorkflowRef: string | null;
        };
        WorkflowPin: {
            /** Format: uuid */
            versionId: string;
            /** Format: uuid */
            workflowId: string;
            workflowName: string;
            versionNumber: number;
            /** @description Newer than `versionNumber` means an upgrade is available */
            latestVersionNumber: number;
            productionReady: boolean;
        };
        SceneType: {
            /** Format: uuid */
            id: string;
            /** @description null for a studio-level scene type, available to every project */
            projectId: string | null;
            name: string;
            /** @description The name as it appears in delivered file names (snake_case) */
            contentName: string;
            description: string;
            /** @description Workflow to run; validated when generation starts */
            workflowRef: string | null;
            /** @description The pinned workflow version; upgrading is explicit */
            workflowVersionId: string | null;
            workflow: components["schemas"]["WorkflowPin"] | null;
            transitionWorkflowVersionId: string | null;
            transitionWorkflow: components["schemas"]["WorkflowPin"] | null;
            /** @description Parameter slot key of the pinned workflow version → the value this scene type sets */
            slotBindings: {
                [key: string]: string | number | boolean;
            };
            loras: {
                name: string;
                weight: number;
            }[];
            prompts: components["schemas"]["PromptTemplates"];
            targetDurationSeconds: number;
            segmentDurationSeconds: number;
            toleranceSeconds: number;
            /** @description Segments needed to reach the target duration */
            segmentCount: number;
            applicability: components["schemas"]["SceneTypeApplicability"];
            generation: components["schemas"]["GenerationSettings"];
            enabled: boolean;
            sortOrder: number;
            tags: string[];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        PromptPreview: {
            positions: {
                /** @enum {string} */
                position: "full_clip" | "start_clip" | "continuation_clip";
                /** @description Which template was used after fallback; null when none */
                source: ("full_clip" | "start_clip" | "continuation_clip") | null;
                positive: {
                    text: string;
                    unresolved: string[];
                };
                negative: {
                    text: string;
                    unresolved: string[];
                };
            }[];
            /** @description Every placeholder the character has no value for */
            unresolved: string[];
        };
        WorkflowSlot: {
            /** @description Stable slot name a scene type binds values to: `seed`, `positive_prompt`… */
            key: string;
            /** @description Human name shown in editors */
            label: string;
            nodeId: string;
            input: string;
            classType: string;
            /** @enum {string} */
            category: "generation" | "quality" | "content" | "video" | "model";
            /** @description The value in the workflow (the default when a scene type binds nothing) */
            value: unknown;
            /** @enum {string} */
            source: "discovered" | "manual";
        };
        WorkflowProblem: {
            /** @enum {string} */
            severity: "error" | "warning";
            code: string;
            nodeId?: string;
            classType?: string;
            input?: string;
            message: string;
        };
        WorkflowValidation: {
            /** @description null for the bundled comfy-sim catalogue (no worker registered) */
            workerId: string | null;
            workerName: string;
            ok: boolean;
            problems: components["schemas"]["WorkflowProblem"][];
            /** @description Why the worker could not be asked (unreachable…) */
            error: string | null;
            /** Format: date-time */
            checkedAt: string;
        };
        WorkflowDryRun: {
            /** Format: uuid */
            workerId: string;
            workerName: string;
            ok: boolean;
            /** @enum {string} */
            outcome: "success" | "rejected" | "failed" | "interrupted" | "timeout" | "unreachable";
            durationMs: number;
            error: string | null;
            nodeErrors: {
                nodeId: string;
                classType: string;
                messages: string[];
            }[];
            /** Format: date-time */
            startedAt: string;
            /** Format: date-time */
            finishedAt: string;
        };
        WorkflowVersionSummary: {
            /** Format: uuid */
            id: string;
            number: number;
            /** @enum {string} */
            sourceFormat: "api" | "ui";
            sha256: string;
            nodeCount: number;
            slotCount: number;
            productionReady: boolean;
            notes: string;
            /** Format: date-time */
            createdAt: string;
        };
        WorkflowVersion: {
            /** Format: uuid */
            id: string;
            number: number;
            /** @enum {string} */
            sourceFormat: "api" | "ui";
            sha256: string;
            nodeCount: number;
            slotCount: number;
            productionReady: boolean;
            notes: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            workflowId: string;
            workflowName: string;
            /** @description The newest version of the workflow, to offer an upgrade */
            latestNumber: number;
            /** @description The graph in API format, as `POST /prompt` takes it */
            apiJson: {
                [key: string]: unknown;
            };
            hasUiJson: boolean;
            parameters: components["schemas"]["WorkflowSlot"][];
            validation: components["schemas"]["WorkflowValidation"][];
            dryRun: components["schemas"]["WorkflowDryRun"] | null;
        };
        Workflow: {
            /** Format: uuid */
            id: string;
            name: string;
            description: string;
            latestVersion: components["schemas"]["WorkflowVersionSummary"] | null;
            versionCount: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        WorkflowDetail: {
            /** Format: uuid */
            id: string;
            name: string;
            description: string;
            latestVersion: components["schemas"]["WorkflowVersionSummary"] | null;
            versionCount: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description Newest first */
            versions: components["schemas"]["WorkflowVersionSummary"][];
        };
        WorkflowPage: {
            items: components["schemas"]["Workflow"][];
            /** @description Pass as `cursor` to get the next page; null on the last page */
            nextCursor: string | null;
        };
        WorkflowImportResult: {
            workflow: components["schemas"]["Workflow"];
            version: components["schemas"]["WorkflowVersion"];
            /** @description Conversion notes (muted nodes dropped…) */
            warnings: components["schemas"]["WorkflowProblem"][];
        };
        WorkflowDiff: {
            from: components["schemas"]["WorkflowVersionSummary"];
            to: components["schemas"]["WorkflowVersionSummary"];
            added: {
                nodeId: string;
                classType: string;
            }[];
            removed: {
                nodeId: string;
                classType: string;
            }[];
            changed: {
                nodeId: string;
                classType: string;
                classChanged: {
                    from: string;
                    to: string;
                } | null;
                inputs: {
                    input: string;
                    /** @description Absent when the input was added */
                    from?: unknown;
                    /** @description Absent when the input was removed */
                    to?: unknown;
                }[];
            }[];
            slotsAdded: string[];
            slotsRemoved: string[];
            identical: boolean;
        };
        WorkflowWorker: {
            /** Format: uuid */
            id: string;
            name: string;
            url: string;
            adminState: string;
            health: string;
        };
        WorkerPrompt: {
            promptId: string;
            /** @description `success`, `error`, or what the worker reports */
            status: string;
            nodeCount: number;
            /** @description A few of its node classes, for recognising it */
            nodeClasses: string[];
            /** @description The UI-format workflow was sent with the prompt (extra_pnginfo), so it is pulled as is */
            hasUiWorkflow: boolean;
        };
        RenderTimeline: {
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            now: string;
            lanes: {
                worker: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                    health: string;
                    adminState: string;
                    tags: string[];
                    maxConcurrency: number;
                };
                blocks: {
                    /** Format: uuid */
                    jobId: string;
                    label: string;
                    state: string;
                    /** @enum {string} */
                    priority: "urgent" | "normal" | "background";
                    projectName: string | null;
                    ownerName: string | null;
                    progress: number;
                    /** Format: date-time */
                    start: string;
                    /** @description null while running */
                    end: string | null;
                    /** @description For a running job, from the history of its workflow; null: no estimate */
                    expectedEnd: string | null;
                }[];
            }[];
            queue: {
                /** Format: uuid */
                jobId: string;
                label: string;
                /** @enum {string} */
                priority: "urgent" | "normal" | "background";
                ownerName: string | null;
                /** @description 1 = next */
                position: number;
                /** @description null: no worker can take it */
                estimatedStart: string | null;
                /** @description false when the workflow has no history (a default duration was used) */
                estimated: boolean;
            }[];
            /**
             * Format: date-time
             * @description When the queue is expected to be empty
             */
            drainAt: string;
            completedLastHour: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
