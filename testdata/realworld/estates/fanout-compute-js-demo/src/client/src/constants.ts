export const THEME_COLORS = [
  '#038cfc',
  '#d35192',
  '#188c2d',
  '#765f09',
  '#6e1786',
  '#af2c37',
];

export const WEBSOCKET_URL_BASE = 'ws://localhost:7999/api/websocket';
export const API_URL_BASE = 'http://localhost:7999/';
export const PERSISTENCE_API_URL_BASE = 'http://localhost:3001/';
