import './activation.test';
import './tree.test';
import './editor.test';
import './tagging.test';
import './conventions.test';
import './live.test';
import './delivery.test';
import './workerFailure.test';
