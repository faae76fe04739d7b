/** After every test file: no bot outlives the file that started it, even when a test failed. */
import { killStrayBots } from './process';

afterAll(killStrayBots, 20_000);
