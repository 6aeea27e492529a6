import { createClient } from '../../src/core/index.js';
import { exposeKit, kitConfig } from './_kit.js';

exposeKit(createClient(kitConfig()));
