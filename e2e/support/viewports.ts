// A phone's window and a laptop's, at which the layout facts of several specs are checked.
export const VIEWPORTS = { phone: { width: 390, height: 844 }, laptop: { width: 1280, height: 800 } } as const;
