// The player's views of a stored video are signed by the video's own link: swap `/file` for `/sprite` or `/proxy`.
const view = (fileUrl: string, name: 'sprite' | 'proxy') => fileUrl.replace(/\/file\?/, `/${name}?`);

/** The filmstrip sprite sheet of a video, from its signed `file.url`. */
export const spriteUrlOf = (fileUrl: string) => view(fileUrl, 'sprite');

/** The H.264 proxy of a video (for codecs a browser cannot play), from its signed `file.url`. */
export const proxyUrlOf = (fileUrl: string) => view(fileUrl, 'proxy');
