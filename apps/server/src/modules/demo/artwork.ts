// Neutral placeholder portraits for the demo project, drawn as SVG and rendered with sharp (nothing downloaded).
import sharp from 'sharp';

export interface PortraitStyle {
  skin: string;
  hair: string;
  background: string;
  outfit: 'casual' | 'formal';
  outfitColor: string;
}

function portraitSvg(s: PortraitStyle): string {
  const collar =
    s.outfit === 'formal'
      ? `<path d="M226 560 L256 640 L286 560 Z" fill="#f4f4f4"/><path d="M250 575 L262 575 L268 660 L256 680 L244 660 Z" fill="#7a1f2b"/>`
      : `<path d="M216 560 Q256 600 296 560" stroke="#00000033" stroke-width="6" fill="none"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="512" height="768" viewBox="0 0 512 768">
  <defs><linearGradient id="bg" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${s.background}"/><stop offset="1" stop-color="#1b1f2a"/></linearGradient></defs>
  <rect width="512" height="768" fill="url(#bg)"/>
  <path d="M96 768 Q96 560 256 540 Q416 560 416 768 Z" fill="${s.outfitColor}"/>
  ${collar}
  <rect x="226" y="470" width="60" height="90" rx="20" fill="${s.skin}"/>
  <ellipse cx="256" cy="360" rx="112" ry="138" fill="${s.skin}"/>
  <path d="M144 350 Q140 210 256 206 Q372 210 368 350 Q352 262 256 258 Q160 262 144 350 Z" fill="${s.hair}"/>
  <ellipse cx="214" cy="366" rx="12" ry="9" fill="#2b2b2b"/><ellipse cx="298" cy="366" rx="12" ry="9" fill="#2b2b2b"/>
  <path d="M226 430 Q256 452 286 430" stroke="#8a4b3c" stroke-width="6" fill="none" stroke-linecap="round"/>
</svg>`;
}

export function renderPortrait(style: PortraitStyle): Promise<Buffer> {
  return sharp(Buffer.from(portraitSvg(style)))
    .png()
    .toBuffer();
}
