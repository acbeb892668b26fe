/**
 * Issue 14 (downstream): what the counter accepts from the central server is the wire contract's own zod types
 * (server/protocol, owned by the server side), checked before anything is written: no input from the server may
 * crash the back end. The feed's synthetic tables carry the hall's anomalies and the other counters' day markers.
 */
export {
  ANOMALY_FEED_TABLE,
  DAY_MARKER_FEED_TABLE,
  anomaly as anomalyRecord,
  dayMarkerRecord,
  feedChange,
  feedPage,
  snapshotPage,
  snapshotStart,
  sqliteRow,
  type Anomaly as AnomalyRecord,
  type DayMarkerRecord,
  type FeedChange,
  type FeedPage,
  type SqliteRow,
} from '../../server/protocol/index.js';
