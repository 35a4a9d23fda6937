// Installed before any vector: every way a vector could show it ran ends up in __executed.
(function () {
    'use strict';
    window.__executed = [];
    function ran(how) {
        return function () {
            var target = window.event && window.event.target;
            var vector = target && target.closest ? target.closest('.vector') : null;
            var entry = 'EXECUTED ' + how + ' in ' + (vector ? vector.getAttribute('data-source') : 'unknown vector');
            window.__executed.push(entry);
            if (window.__judged) {
                document.getElementById('verdict').textContent = 'FAIL late\n' + entry;
            }
        };
    }
    window.alert = ran('alert');
    window.confirm = ran('confirm');
    window.prompt = ran('prompt');
    window.print = ran('print');
    window.xss = ran('xss');
})();
