/// <reference types="vite/client" />

interface Window {
  /** The live MapLibre map, exposed so end-to-end tests can query rendered features. */
  __seamlessMap?: import('maplibre-gl').Map;
}
