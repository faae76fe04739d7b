/**
 * SVG → PNG with resvg (its native build ships inside the npm package: nothing downloads at
 * install). Text uses the bundled Noto Sans SC subset (assets/fonts), never the machine's fonts,
 * so the picture looks the same on every server, including ones without any Chinese font.
 */
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { PROJECT_ROOT } from '../paths';
import { FONT } from './svg';

export const FONT_FILE = join(PROJECT_ROOT, 'assets', 'fonts', 'NotoSansSC-Regular-GB2312.otf');

export function renderPng(svg: string): Buffer {
  const resvg = new Resvg(svg, {
    font: { fontFiles: [FONT_FILE], loadSystemFonts: false, defaultFontFamily: FONT },
    background: '#ffffff',
  });
  return resvg.render().asPng();
}
