import type { TKpi } from '@shipshape/domain';
import type { ServiceArgs } from '../actor';
import { notFound } from '../errors';
import { listKpis } from './kpi-view';

/** One KPI with its latest value, change vs baseline, progress and on-track flag. */
export async function getKpi({
  db,
  input,
}: Omit<ServiceArgs<{ kpiId: string }>, 'actor'>): Promise<TKpi> {
  const [kpi] = await listKpis(db, { id: input.kpiId });
  if (!kpi) throw notFound('KPI');
  return kpi;
}
