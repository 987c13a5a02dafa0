// On-frame annotation (PRD-070): an SVG overlay the size of the video picture. While playing it shows the shapes of
// the frame on screen (every reviewer's layer); paused, "Annotate" opens the tools — pen, arrow, rectangle, text,
// colour and stroke, undo — and "Save" stores your layer for that frame. "PNG" exports the frame at full resolution
// with the shapes drawn by the server. Put it in the player's `overlay`, or anywhere over a picture of the video.
import type { AnnotatedShape, AnnotationShape } from '@i2v/contracts';
import { normaliseRect, roleCan, shapePrimitives } from '@i2v/domain';
import {
  ActionIcon,
  Badge,
  Button,
  ColorSwatch,
  Group,
  Paper,
  SegmentedControl,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { type PointerEvent as ReactPointerEvent, useEffect, useRef, useState } from 'react';
import { useCurrentUser } from '@/auth/use-session';
import {
  AnnotateIcon,
  ArrowToolIcon,
  DownloadIcon,
  PenToolIcon,
  RectToolIcon,
  SaveIcon,
  TextToolIcon,
  TrashIcon,
  UndoIcon,
} from '../icons';
import { notifyError, notifySuccess } from '../notify';
import {
  downloadAnnotatedFrame,
  useAnnotatedFrames,
  useFrameAnnotation,
  useSaveAnnotation,
} from './annotation-queries';

export interface AnnotationLayerProps {
  /** The media file shown (a segment's clip or a scene video version's file). */
  fileId: string;
  /** The frame on screen (0-based). */
  frame: number;
  /** The video's size in pixels: the overlay keeps its aspect, letterboxed like the picture. */
  width: number;
  height: number;
  /** While playing, shapes show but the tools stay closed. */
  playing?: boolean;
  /** Asked to pause the video when drawing starts. */
  onPause?: () => void;
  /** Drawing is for reviewers, creators and admins (default: from the signed-in user's role). */
  canDraw?: boolean;
}

type Tool = 'pen' | 'arrow' | 'rect' | 'text';

const colours = ['#ff3b30', '#ffcc00', '#34c759', '#0a84ff', '#ffffff'];
const strokes = { thin: 0.003, medium: 0.006, thick: 0.012 } as const;
const textSize = 0.05;

/** Strips the server's author: what a shape is when sent back. */
const plain = (s: AnnotatedShape | ServerShape): AnnotationShape => {
  const { author: _author, ...shape } = s;
  return shape as unknown as AnnotationShape;
};

/** A shape as the API client types it (points as plain arrays). */
type ServerShape = { author: { id: string; displayName: string } | null } & Record<string, unknown>;
type Point = [number, number];

/** Draws shapes with the same geometry as the exported PNG. */
export function AnnotationShapes({
  shapes,
  width,
  height,
  opacity = 1,
}: {
  shapes: readonly AnnotationShape[];
  width: number;
  height: number;
  opacity?: number;
}) {
  return (
    <g opacity={opacity}>
      {shapes.flatMap((shape, i) =>
        shapePrimitives(shape, width, height).map((p, j) => {
          const key = `${i}-${j}`;
          switch (p.kind) {
            case 'polyline':
              return (
                <polyline
                  key={key}
                  points={p.points}
                  fill="none"
                  stroke={p.color}
                  strokeWidth={p.strokeWidth}
                  strokeLinecap="round"
                  strokeLinejoin="round"
                />
              );
            case 'polygon':
              return <polygon key={key} points={p.points} fill={p.color} />;
            case 'rect':
              return (
                <rect
                  key={key}
                  x={p.x}
                  y={p.y}
                  width={p.width}
                  height={p.height}
                  fill="none"
                  stroke={p.color}
                  strokeWidth={p.strokeWidth}
                  strokeLinejoin="round"
                />
              );
            default:
              return (
                <text
                  key={key}
                  x={p.x}
                  y={p.y}
                  fontFamily="sans-serif"
                  fontWeight="bold"
                  fontSize={p.fontSize}
                  fill={p.color}
                  stroke="#000000"
                  strokeWidth={p.outline}
                  paintOrder="stroke"
                >
                  {p.text}
                </text>
              );
          }
        }),
      )}
    </g>
  );
}

export function AnnotationLayer({
  fileId,
  frame,
  width,
  height,
  playing = false,
  onPause,
  canDraw,
}: AnnotationLayerProps) {
  const user = useCurrentUser();
  const allowed = canDraw ?? roleCan(user.role, 'review.flag');
  const frames = useAnnotatedFrames(fileId);
  const [editing, setEditing] = useState<number | null>(null);
  const annotated = frames.data?.items.some((f) => f.frame === frame) ?? false;
  const current = useFrameAnnotation(fileId, frame, annotated || editing === frame);
  const save = useSaveAnnotation(fileId);
  const [tool, setTool] = useState<Tool>('rect');
  const [colour, setColour] = useState(colours[0]!);
  const [stroke, setStroke] = useState<keyof typeof strokes>('medium');
  const [label, setLabel] = useState('');
  const [draft, setDraft] = useState<AnnotationShape[]>([]);
  const [drawing, setDrawing] = useState<AnnotationShape | null>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const startRef = useRef<Point | null>(null);

  // moving to another frame (or playing) ends an unsaved session
  useEffect(() => {
    if (editing !== null && (editing !== frame || playing)) {
      setEditing(null);
      setDraft([]);
      setDrawing(null);
    }
  }, [editing, frame, playing]);

  const shown = (current.data?.frame === frame ? current.data.shapes : []) as unknown as ServerShape[];
  const mine = shown.filter((s) => s.author?.id === user.id).map(plain);
  const others = shown.filter((s) => s.author?.id !== user.id).map(plain);

  const begin = () => {
    onPause?.();
    setDraft(mine);
    setEditing(frame);
  };

  const pointOf = (e: ReactPointerEvent): Point => {
    const svg = svgRef.current!;
    const matrix = svg.getScreenCTM();
    const pt = svg.createSVGPoint();
    pt.x = e.clientX;
    pt.y = e.clientY;
    const local = matrix ? pt.matrixTransform(matrix.inverse()) : pt;
    const clamp = (n: number) => Math.min(1, Math.max(0, n));
    return [clamp(local.x / width), clamp(local.y / height)];
  };

  const onDown = (e: ReactPointerEvent<SVGSVGElement>) => {
    if (editing === null) return;
    e.preventDefault();
    const p = pointOf(e);
    if (tool === 'text') {
      if (!label.trim()) {
        notifyError(new Error('Type the label first, then click where it goes.'), 'No text to place');
        return;
      }
      setDraft([
        ...draft,
        { type: 'text', x: p[0], y: p[1], text: label.trim().slice(0, 500), color: colour, size: textSize },
      ]);
      return;
    }
    (e.target as Element).setPointerCapture?.(e.pointerId);
    startRef.current = p;
    const s = strokes[stroke];
    if (tool === 'pen') setDrawing({ type: 'pen', points: [p, p], color: colour, stroke: s });
    if (tool === 'arrow') setDrawing({ type: 'arrow', from: p, to: p, color: colour, stroke: s });
    if (tool === 'rect') setDrawing({ type: 'rect', x: p[0], y: p[1], w: 0, h: 0, color: colour, stroke: s });
  };

  const onMove = (e: ReactPointerEvent<SVGSVGElement>) => {
    if (!drawing || !startRef.current) return;
    const p = pointOf(e);
    if (drawing.type === 'pen') setDrawing({ ...drawing, points: [...drawing.points, p].slice(-5000) });
    if (drawing.type === 'arrow') setDrawing({ ...drawing, to: p });
    if (drawing.type === 'rect') setDrawing({ ...drawing, ...normaliseRect(startRef.current, p) });
  };

  const onUp = () => {
    if (!drawing) return;
    const big =
      drawing.type === 'rect'
        ? drawing.w > 0.005 && drawing.h > 0.005
        : drawing.type === 'arrow'
          ? Math.hypot(drawing.to[0] - drawing.from[0], drawing.to[1] - drawing.from[1]) > 0.01
          : true;
    if (big) setDraft([...draft, drawing]);
    setDrawing(null);
    startRef.current = null;
  };

  const submit = () => {
    if (editing === null) return;
    save.mutate(
      { frame: editing, shapes: draft },
      {
        onSuccess: () => {
          notifySuccess(`Saved the annotation of frame ${editing}.`);
          setEditing(null);
          setDraft([]);
        },
        onError: (e) => notifyError(e, 'The annotation was not saved'),
      },
    );
  };

  const exportPng = () =>
    void downloadAnnotatedFrame(fileId, frame).catch((e: unknown) =>
      notifyError(e, 'The frame was not exported'),
    );

  const isEditing = editing !== null;
  const visible = isEditing ? [...draft, ...(drawing ? [drawing] : [])] : [];
  return (
    <div
      style={{ position: 'absolute', inset: 0, pointerEvents: 'none' }}
      data-testid="annotation-layer"
      data-frame={frame}
      data-editing={isEditing}
      data-shapes={isEditing ? draft.length + others.length : shown.length}
    >
      <svg
        ref={svgRef}
        viewBox={`0 0 ${width} ${height}`}
        preserveAspectRatio="xMidYMid meet"
        style={{
          position: 'absolute',
          inset: 0,
          width: '100%',
          height: '100%',
          pointerEvents: isEditing ? 'auto' : 'none',
          cursor: isEditing ? (tool === 'text' ? 'text' : 'crosshair') : undefined,
          touchAction: 'none',
        }}
        onPointerDown={onDown}
        onPointerMove={onMove}
        onPointerUp={onUp}
        onPointerCancel={onUp}
        data-testid="annotation-canvas"
        role="img"
        aria-label={isEditing ? `Drawing on frame ${frame}` : `Annotations of frame ${frame}`}
      >
        {isEditing ? (
          <>
            <AnnotationShapes shapes={others} width={width} height={height} opacity={0.6} />
            <AnnotationShapes shapes={visible} width={width} height={height} />
          </>
        ) : (
          <AnnotationShapes shapes={shown.map(plain)} width={width} height={height} />
        )}
      </svg>
      <Paper
        shadow="sm"
        p={4}
        radius="sm"
        style={{
          position: 'absolute',
          top: 8,
          right: 8,
          pointerEvents: 'auto',
          lineHeight: 'normal',
          maxWidth: 'calc(100% - 16px)',
        }}
        data-testid="annotation-toolbar"
      >
        {isEditing ? (
          <Group gap={4} wrap="wrap">
            <SegmentedControl
              size="xs"
              value={tool}
              onChange={(v) => setTool(v as Tool)}
              data={[
                { value: 'pen', label: <PenToolIcon size={14} aria-label="Pen" /> },
                { value: 'arrow', label: <ArrowToolIcon size={14} aria-label="Arrow" /> },
                { value: 'rect', label: <RectToolIcon size={14} aria-label="Rectangle" /> },
                { value: 'text', label: <TextToolIcon size={14} aria-label="Text" /> },
              ]}
              aria-label="Drawing tool"
              data-testid="annotation-tool"
            />
            {tool === 'text' && (
              <TextInput
                size="xs"
                w={140}
                placeholder="Label, then click"
                aria-label="Label text"
                value={label}
                onChange={(e) => setLabel(e.currentTarget.value)}
                data-testid="annotation-label"
              />
            )}
            <Group gap={2}>
              {colours.map((c) => (
                <ColorSwatch
                  key={c}
                  component="button"
                  type="button"
                  color={c}
                  size={18}
                  aria-label={`Colour ${c}`}
                  aria-pressed={colour === c}
                  style={{
                    cursor: 'pointer',
                    outline: colour === c ? '2px solid var(--mantine-color-blue-6)' : undefined,
                  }}
                  onClick={() => setColour(c)}
                />
              ))}
            </Group>
            {tool !== 'text' && (
              <SegmentedControl
                size="xs"
                value={stroke}
                onChange={(v) => setStroke(v as keyof typeof strokes)}
                data={[
                  { value: 'thin', label: 'S' },
                  { value: 'medium', label: 'M' },
                  { value: 'thick', label: 'L' },
                ]}
                aria-label="Stroke width"
              />
            )}
            <Tooltip label="Undo">
              <ActionIcon
                variant="default"
                size="md"
                aria-label="Undo"
                disabled={draft.length === 0}
                onClick={() => setDraft(draft.slice(0, -1))}
              >
                <UndoIcon size={14} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label="Clear my shapes">
              <ActionIcon
                variant="default"
                size="md"
                aria-label="Clear my shapes"
                disabled={draft.length === 0}
                onClick={() => setDraft([])}
              >
                <TrashIcon size={14} />
              </ActionIcon>
            </Tooltip>
            <Button
              size="compact-xs"
              leftSection={<SaveIcon size={14} />}
              loading={save.isPending}
              onClick={submit}
              data-testid="annotation-save"
            >
              Save
            </Button>
            <Button
              size="compact-xs"
              variant="default"
              onClick={() => {
                setEditing(null);
                setDraft([]);
              }}
            >
              Cancel
            </Button>
          </Group>
        ) : (
          <Group gap={4} wrap="nowrap">
            {shown.length > 0 && (
              <Badge size="sm" variant="light" data-testid="annotation-count">
                {shown.length} mark{shown.length === 1 ? '' : 's'}
              </Badge>
            )}
            {allowed && (
              <Button
                size="compact-xs"
                variant="default"
                leftSection={<AnnotateIcon size={14} />}
                onClick={begin}
                data-testid="annotate-button"
              >
                Annotate
              </Button>
            )}
            <Tooltip label={`Export frame ${frame} as PNG (full resolution, with annotations)`}>
              <ActionIcon
                variant="default"
                size="sm"
                aria-label="Export PNG"
                onClick={exportPng}
                data-testid="annotation-export"
              >
                <DownloadIcon size={14} />
              </ActionIcon>
            </Tooltip>
          </Group>
        )}
      </Paper>
    </div>
  );
}
