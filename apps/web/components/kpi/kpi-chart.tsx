'use client';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatDateTime, formatMeasure } from '../../lib/format';
import { niceTicks } from '../../lib/nice-ticks';

export interface ChartPoint {
  t: number;
  avg: number;
  min: number;
  max: number;
  count: number;
}

const shortDate = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });

/** One KPI over time, with its baseline and target as reference lines. */
export default function KpiChart({
  points,
  unit,
  baseline,
  target,
  name,
}: {
  points: ChartPoint[];
  unit: string;
  baseline: number | null;
  target: number | null;
  name: string;
}) {
  const values = points.flatMap((p) => [p.min, p.max]);
  for (const line of [baseline, target]) if (line !== null) values.push(line);
  const lo = values.length ? Math.min(...values) : 0;
  const hi = values.length ? Math.max(...values) : 1;
  // Round ticks (60, 65, 70…) on a domain widened to whole steps.
  const y = niceTicks(lo, hi, 6);
  return (
    <div
      className="h-72 w-full"
      data-testid="kpi-chart"
      data-points={points.length}
      data-y-ticks={y.ticks.join(' ')}
      role="img"
      aria-label={`${name}: ${points.length} points over time${
        baseline !== null ? `, baseline ${formatMeasure(baseline, unit)}` : ''
      }${target !== null ? `, target ${formatMeasure(target, unit)}` : ''}`}
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 16, right: 24, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={['dataMin', 'dataMax']}
            tickFormatter={(t: number) => shortDate.format(t)}
            fontSize={12}
            stroke="var(--muted-foreground)"
          />
          <YAxis
            domain={y.domain}
            ticks={y.ticks}
            interval={0}
            tickFormatter={(v: number) => formatMeasure(v)}
            fontSize={12}
            width={64}
            stroke="var(--muted-foreground)"
          />
          <Tooltip
            labelFormatter={(t) => formatDateTime(Number(t))}
            formatter={(value) => [formatMeasure(Number(value), unit), name]}
          />
          {[
            { at: baseline, label: 'Baseline', stroke: 'var(--muted-foreground)', dash: '4 4' },
            { at: target, label: 'Target', stroke: 'var(--stage-done)', dash: '6 3' },
          ].map(({ at, label, stroke, dash }) =>
            at === null ? null : (
              <ReferenceLine
                key={label}
                y={at}
                stroke={stroke}
                strokeDasharray={dash}
                label={{ value: label, position: 'insideTopLeft', fontSize: 11 }}
              />
            ),
          )}
          <Line
            type="monotone"
            dataKey="avg"
            stroke="var(--primary)"
            strokeWidth={2}
            dot={{ r: 3 }}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
