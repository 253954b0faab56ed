'use client';
import { useQueries, useQuery } from '@tanstack/react-query';
import { Command } from 'cmdk';
import {
  ActivityIcon,
  BoxesIcon,
  LightbulbIcon,
  ListChecksIcon,
  FileTextIcon,
  FolderKanbanIcon,
  MailPlusIcon,
  MilestoneIcon,
  SearchIcon,
  UsersIcon,
} from 'lucide-react';
import { useParams, useRouter } from 'next/navigation';
import { Dialog as DialogPrimitive } from 'radix-ui';
import { useTRPC } from '../../lib/trpc';

const itemClass =
  'flex cursor-default items-center gap-2 rounded-md px-2 py-2 text-sm select-none data-[selected=true]:bg-accent data-[selected=true]:text-accent-foreground [&_svg]:size-4 [&_svg]:shrink-0 [&_svg]:text-muted-foreground';
const groupClass =
  '[&_[cmdk-group-heading]]:px-2 [&_[cmdk-group-heading]]:py-1.5 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-medium [&_[cmdk-group-heading]]:text-muted-foreground';

/** The palette itself (cmdk), loaded the first time it opens. */
export function CommandPaletteDialog({
  open,
  setOpen,
}: {
  open: boolean;
  setOpen: (open: boolean) => void;
}) {
  const router = useRouter();
  const trpc = useTRPC();
  const params = useParams<{ slug?: string; projectId?: string }>();

  const workspaces = useQuery({ ...trpc.workspace.list.queryOptions(), enabled: open });
  const projectLists = useQueries({
    queries: (workspaces.data ?? []).slice(0, 20).map((workspace) => ({
      ...trpc.project.list.queryOptions({ workspaceId: workspace.id, limit: 100 }),
      enabled: open,
    })),
  });
  const currentWorkspace = workspaces.data?.find((w) => w.slug === params.slug);
  const project = useQuery({
    ...trpc.project.get.queryOptions({ projectId: params.projectId ?? '' }),
    enabled: open && Boolean(params.projectId),
  });
  const templateId = project.data?.template?.id;
  const template = useQuery({
    ...trpc.template.get.queryOptions({
      workspaceId: project.data?.workspaceId ?? '',
      templateId: templateId ?? '',
    }),
    enabled: open && Boolean(templateId && project.data),
  });

  const go = (href: string) => {
    setOpen(false);
    router.push(href);
  };

  return (
    <>
      <Command.Dialog
        open={open}
        onOpenChange={setOpen}
        label="Jump to a workspace, project, stage or page"
        overlayClassName="fixed inset-0 z-50 bg-black/40"
        contentClassName="fixed left-1/2 top-[12vh] z-50 w-[calc(100vw-2rem)] max-w-xl -translate-x-1/2 overflow-hidden rounded-xl border bg-popover text-popover-foreground shadow-xl"
      >
        <DialogPrimitive.Title className="sr-only">Jump to</DialogPrimitive.Title>
        <DialogPrimitive.Description className="sr-only">
          Type to find a workspace, project, stage or settings page, then press Enter.
        </DialogPrimitive.Description>
        <div className="flex items-center gap-2 border-b px-3">
          <SearchIcon className="size-4 text-muted-foreground" aria-hidden="true" />
          <Command.Input
            placeholder="Search workspaces, projects, stages…"
            className="h-12 w-full bg-transparent text-base outline-none placeholder:text-muted-foreground sm:text-sm"
          />
        </div>
        <Command.List className="max-h-[min(60vh,26rem)] overflow-y-auto p-1">
          <Command.Empty className="px-3 py-6 text-center text-sm text-muted-foreground">
            Nothing matches.
          </Command.Empty>
          {project.data && template.data ? (
            <Command.Group heading={`Stages of ${project.data.name}`} className={groupClass}>
              {template.data.stages.map((stage) => (
                <Command.Item
                  key={stage.key}
                  value={`stage ${stage.title} ${stage.key}`}
                  className={itemClass}
                  onSelect={() =>
                    go(`/w/${params.slug}/p/${project.data.id}/s/${encodeURIComponent(stage.key)}`)
                  }
                >
                  <MilestoneIcon aria-hidden="true" />
                  <span className="truncate">{stage.title}</span>
                  {stage.key === project.data.currentStageKey ? (
                    <span className="ml-auto text-xs text-muted-foreground">current</span>
                  ) : null}
                </Command.Item>
              ))}
            </Command.Group>
          ) : null}
          <Command.Group heading="Projects" className={groupClass}>
            {(workspaces.data ?? []).slice(0, 20).flatMap((workspace, index) =>
              (projectLists[index]?.data?.items ?? []).map((item) => (
                <Command.Item
                  key={item.id}
                  value={`project ${item.name} ${workspace.name} ${item.id}`}
                  className={itemClass}
                  onSelect={() => go(`/w/${workspace.slug}/p/${item.id}`)}
                >
                  <FolderKanbanIcon aria-hidden="true" />
                  <span className="truncate">{item.name}</span>
                  <span className="ml-auto truncate text-xs text-muted-foreground">
                    {workspace.name}
                  </span>
                </Command.Item>
              )),
            )}
          </Command.Group>
          <Command.Group heading="Workspaces" className={groupClass}>
            {workspaces.data?.map((workspace) => (
              <Command.Item
                key={workspace.id}
                value={`workspace ${workspace.name} ${workspace.slug}`}
                className={itemClass}
                onSelect={() => go(`/w/${workspace.slug}`)}
              >
                <BoxesIcon aria-hidden="true" />
                <span className="truncate">{workspace.name}</span>
              </Command.Item>
            ))}
          </Command.Group>
          {currentWorkspace ? (
            <Command.Group heading={`${currentWorkspace.name}: pages`} className={groupClass}>
              <Command.Item
                value="page my work assigned items"
                className={itemClass}
                onSelect={() => go(`/w/${currentWorkspace.slug}/my-work`)}
              >
                <ListChecksIcon aria-hidden="true" /> My work
              </Command.Item>
              <Command.Item
                value="page lessons learnt search"
                className={itemClass}
                onSelect={() => go(`/w/${currentWorkspace.slug}/lessons`)}
              >
                <LightbulbIcon aria-hidden="true" /> Lessons learnt
              </Command.Item>
              <Command.Item
                value="page activity feed"
                className={itemClass}
                onSelect={() => go(`/w/${currentWorkspace.slug}/activity`)}
              >
                <ActivityIcon aria-hidden="true" /> Activity
              </Command.Item>
              <Command.Item
                value="page members roles"
                className={itemClass}
                onSelect={() => go(`/w/${currentWorkspace.slug}/settings/members`)}
              >
                <UsersIcon aria-hidden="true" /> Members and roles
              </Command.Item>
              <Command.Item
                value="page invitations invite"
                className={itemClass}
                onSelect={() => go(`/w/${currentWorkspace.slug}/settings/invitations`)}
              >
                <MailPlusIcon aria-hidden="true" /> Invitations
              </Command.Item>
              <Command.Item
                value="page templates checklist import"
                className={itemClass}
                onSelect={() => go(`/w/${currentWorkspace.slug}/settings/templates`)}
              >
                <FileTextIcon aria-hidden="true" /> Checklist templates
              </Command.Item>
            </Command.Group>
          ) : null}
        </Command.List>
      </Command.Dialog>
    </>
  );
}
