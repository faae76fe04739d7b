/** Where the table sat: private rooms, numbered tables, booths. */

import { words } from './data';

/** Words after a number or code: 3号包厢, 888包厢, 2号房, 12号桌, K3卡座. */
export const ROOM_WORDS: readonly string[] = words(
  '包厢 包间 包房 房间 雅间 雅座 卡座 卡位 房 厅 桌 台 卡 阁 间',
);

/** Room words clipped so short they follow only a 号: 3号包 is 3号包厢, but 3包 counts packets. */
export const CLIPPED_ROOM_WORDS: readonly string[] = words('包');

/** Room words that may come before their number: 卡座12, 包厢8, VIP包间3. */
export const ROOM_WORDS_BEFORE_NUMBER: readonly string[] = words('卡座 卡位 包厢 包间 包房 雅间');

/** Labels whose value is the room: 包间:兰亭, 桌号 12. */
export const ROOM_LABELS: readonly string[] = words(
  '包间 包厢 房间 房号 桌号 台号 雅间 卡座号 座位 位置',
);

/** Labels a room's bare name may follow without a colon: 包间竹韵, 包厢 兰亭. */
export const BARE_NAME_LABELS: readonly string[] = words('包间 包厢 包房 雅间');

/** Characters of talk about a room, never of its name: 包厢满了, 包间很好, 包厢太吵, 包间不错. */
export const NOT_IN_ROOM_NAMES = '了很太不没已都还也是有在的吗呢吧啊真好满空小大吵冷热脏';

/** Named rooms end with one of these: 牡丹厅, 听雨阁, 兰亭轩. */
export const NAMED_ROOM_SUFFIXES: readonly string[] = ['厅', '阁', '轩'];

/** X厅 words that are not a room of the restaurant. */
export const NOT_ROOMS: ReadonlySet<string> = new Set(
  words('餐厅 客厅 饭厅 歌厅 舞厅 前厅 门厅 展厅 大堂 楼阁 内阁 酒厅 营业厅 办事厅 后厅'),
);
