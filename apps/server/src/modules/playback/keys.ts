// Where the files made from a stored video live: beside it, named after it, so they go when it goes.
export function playbackKeysOf(storageKey: string) {
  return {
    sprite: `${storageKey}.sprite.jpg`,
    spriteLayout: `${storageKey}.sprite.json`,
    proxy: `${storageKey}.proxy.mp4`,
  };
}
