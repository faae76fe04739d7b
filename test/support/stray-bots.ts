/**
 * After every test file: no bot outlives the file that started it, even when a test failed, and
 * no scratch directory outlives it either.
 */
import { killStrayBots } from './process';
import { removeScratch } from './scratch';

afterAll(killStrayBots, 20_000);
afterAll(removeScratch);
