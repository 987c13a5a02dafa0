// Every page of the web app and who may open it. Pages load on first visit, so sign-in stays light.
import { createBrowserRouter, Outlet } from 'react-router';
import { RequireAuth } from '@/auth/require-auth';
import { RequirePermission } from '@/auth/require-permission';
import { AppLayout } from '@/components';
import { NotFoundPage } from '@/pages/errors/not-found-page';
import { RouteErrorPage } from '@/pages/errors/route-error-page';
import { LoginPage } from '@/pages/login/login-page';
import { PageLoader } from './page-loader';

export const router = createBrowserRouter([
  {
    errorElement: <RouteErrorPage />,
    hydrateFallbackElement: <PageLoader />,
    element: <Outlet />,
    children: [
      { path: '/login', element: <LoginPage /> },
      {
        path: '/',
        element: (
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        ),
        children: [
          {
            // Page errors render inside the shell, so navigation keeps working.
            errorElement: <RouteErrorPage />,
            children: [
              {
                index: true,
                lazy: () => import('@/pages/home/welcome-page').then((m) => ({ Component: m.WelcomePage })),
              },
              {
                path: 'profile',
                lazy: () =>
                  import('@/pages/profile/profile-page').then((m) => ({ Component: m.ProfilePage })),
              },
              {
                element: <RequirePermission permission="content.read" />,
                children: [
                  {
                    path: 'projects',
                    lazy: () =>
                      import('@/pages/projects/projects-page').then((m) => ({ Component: m.ProjectsPage })),
                  },
                  {
                    path: 'projects/:id',
                    lazy: () =>
                      import('@/pages/projects/project/project-page').then((m) => ({
                        Component: m.ProjectPage,
                      })),
                  },
                  {
                    path: 'projects/:projectId/characters/:characterId',
                    lazy: () =>
                      import('@/pages/projects/characters/character/character-page').then((m) => ({
                        Component: m.CharacterPage,
                      })),
                  },
                  {
                    path: 'projects/:projectId/scenes/:sceneId',
                    lazy: () =>
                      import('@/pages/projects/scenes/scene-page').then((m) => ({ Component: m.ScenePage })),
                  },
                  {
                    path: 'projects/:projectId/compare',
                    lazy: () =>
                      import('@/pages/projects/compare/compare-page').then((m) => ({
                        Component: m.ComparePage,
                      })),
                  },
                  {
                    path: 'projects/:projectId/test-shots',
                    lazy: () =>
                      import('@/pages/projects/test-shots/test-shots-page').then((m) => ({
                        Component: m.TestShotsPage,
                      })),
                  },
                  {
                    path: 'projects/:projectId/review',
                    lazy: () =>
                      import('@/pages/projects/review/review-page').then((m) => ({
                        Component: m.ReviewPage,
                      })),
                  },
                  {
                    path: 'projects/:projectId/delivery',
                    lazy: () =>
                      import('@/pages/projects/delivery/delivery-page').then((m) => ({
                        Component: m.DeliveryPage,
                      })),
                  },
                  {
                    path: 'projects/:projectId/imports',
                    lazy: () =>
                      import('@/pages/projects/imports/imports-page').then((m) => ({
                        Component: m.ImportsPage,
                      })),
                  },
                  {
                    path: 'projects/:projectId/imports/:importId',
                    lazy: () =>
                      import('@/pages/projects/imports/import-page').then((m) => ({
                        Component: m.ImportPage,
                      })),
                  },
                  {
                    path: 'projects/:projectId/scene-types/:sceneTypeId',
                    lazy: () =>
                      import('@/pages/projects/scene-types/scene-type-page').then((m) => ({
                        Component: m.SceneTypePage,
                      })),
                  },
                  {
                    path: 'jobs',
                    lazy: () => import('@/pages/jobs/jobs-page').then((m) => ({ Component: m.JobsPage })),
                  },
                  {
                    path: 'jobs/timeline',
                    lazy: () =>
                      import('@/pages/jobs/timeline/timeline-page').then((m) => ({
                        Component: m.TimelinePage,
                      })),
                  },
                  {
                    path: 'jobs/schedules',
                    lazy: () =>
                      import('@/pages/jobs/schedules/schedules-page').then((m) => ({
                        Component: m.SchedulesPage,
                      })),
                  },
                  {
                    path: 'jobs/budgets',
                    lazy: () =>
                      import('@/pages/jobs/budgets/budgets-page').then((m) => ({ Component: m.BudgetsPage })),
                  },
                  {
                    path: 'jobs/:jobId',
                    lazy: () => import('@/pages/jobs/job-page').then((m) => ({ Component: m.JobPage })),
                  },
                  {
                    path: 'workflows',
                    lazy: () =>
                      import('@/pages/workflows/workflows-page').then((m) => ({
                        Component: m.WorkflowsPage,
                      })),
                  },
                  {
                    path: 'workflows/:workflowId',
                    lazy: () =>
                      import('@/pages/workflows/workflow-page').then((m) => ({ Component: m.WorkflowPage })),
                  },
                  {
                    path: 'workers',
                    lazy: () =>
                      import('@/pages/workers/workers-page').then((m) => ({ Component: m.WorkersPage })),
                  },
                  {
                    path: 'workers/:workerId',
                    lazy: () =>
                      import('@/pages/workers/worker-page').then((m) => ({ Component: m.WorkerPage })),
                  },
                  {
                    path: 'system/health',
                    lazy: () =>
                      import('@/pages/system/system-health-page').then((m) => ({
                        Component: m.SystemHealthPage,
                      })),
                  },
                  {
                    path: 'settings/variant-types',
                    lazy: () =>
                      import('@/pages/settings/variant-types/variant-types-page').then((m) => ({
                        Component: m.VariantTypesPage,
                      })),
                  },
                  {
                    path: 'settings/output-profiles',
                    lazy: () =>
                      import('@/pages/settings/output-profiles/output-profiles-page').then((m) => ({
                        Component: m.OutputProfilesPage,
                      })),
                  },
                ],
              },
              {
                path: 'admin',
                children: [
                  {
                    element: <RequirePermission permission="users.manage" />,
                    children: [
                      {
                        path: 'users',
                        lazy: () =>
                          import('@/pages/admin/users/users-page').then((m) => ({ Component: m.UsersPage })),
                      },
                    ],
                  },
                  {
                    element: <RequirePermission permission="audit.read" />,
                    children: [
                      {
                        path: 'audit',
                        lazy: () =>
                          import('@/pages/admin/audit/audit-page').then((m) => ({ Component: m.AuditPage })),
                      },
                    ],
                  },
                ],
              },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);
