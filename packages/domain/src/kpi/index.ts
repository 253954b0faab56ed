export { KPI_DIRECTIONS, isAtLeastAsGood, type TKpiDirection } from './direction';
export { ON_TRACK_PROGRESS, kpiStatus, type TKpiStatus, type TKpiStatusInput } from './kpi-status';
export { bucketStartMs, bucketWidthMs } from './buckets';
export { downsample, type TMeasurementPoint, type TPointBucket } from './downsample';
export { parseIsoDateTime } from './iso-date-time';
export {
  KPI_VALUE_LIMITS,
  kpiValueProblem,
  parseMeasurementValue,
  type TValueParse,
} from './measurement-value';
export { MEASUREMENT_ROW_LIMITS, type TMeasurementRow } from './measurement-row';
export {
  MEASUREMENTS_CSV_LIMITS,
  parseMeasurementsCsv,
  type TCsvRowError,
  type TMeasurementsCsvOptions,
  type TMeasurementsCsvResult,
} from './measurements-csv';
