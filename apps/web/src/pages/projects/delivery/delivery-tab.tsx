// The Delivery entry among a project's tabs: it opens the project's Delivery page rather than a panel.
import { Tabs } from '@mantine/core';
import { useNavigate } from 'react-router';
import { DeliverIcon } from '@/components';

export function DeliveryTab({ projectId }: { projectId: string }) {
  const navigate = useNavigate();
  return (
    <Tabs.Tab
      value="delivery"
      leftSection={<DeliverIcon size={16} />}
      onClick={() => navigate(`/projects/${projectId}/delivery`)}
      data-testid="delivery-tab"
    >
      Delivery
    </Tabs.Tab>
  );
}
