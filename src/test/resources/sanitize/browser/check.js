// Runs after every vector has been rendered: judges the DOM the browser built, and reports
// in #verdict ("PASS n" or "FAIL n" and the problems), which the CI script reads.
(function () {
    'use strict';
    var SANDBOX = document.documentElement.getAttribute('data-sandbox');
    var FORBIDDEN = ['script', 'style', 'template', 'base', 'meta', 'link', 'form', 'object', 'embed',
        'applet', 'noscript', 'frame', 'frameset', 'noembed', 'noframes', 'xmp',
        'plaintext', 'title', 'portal'];
    var SVG = 'http://www.w3.org/2000/svg';
    var MATHML = 'http://www.w3.org/1998/Math/MathML';
    // SVG and MathML that runs script, loads or references resources, or animates attributes
    var FORBIDDEN_FOREIGN = ['script', 'style', 'foreignobject', 'use', 'image', 'feimage', 'animate',
        'animatemotion', 'animatetransform', 'animatecolor', 'set', 'discard', 'handler', 'listener',
        'iframe', 'pattern', 'filter', 'mask', 'maction', 'annotation-xml', 'mglyph'];
    var FORBIDDEN_FOREIGN_ATTRIBUTES = ['attributename', 'values', 'from', 'to', 'by', 'begin', 'actiontype',
        'xml:base', 'style'];
    var URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'poster', 'cite', 'background', 'data',
        'ping', 'icon', 'longdesc', 'dynsrc', 'lowsrc', 'xlink:href'];
    var WEB = ['http:', 'https:', 'mailto:'];

    function where(el) {
        var vector = el.closest ? el.closest('.vector') : null;
        return vector ? vector.getAttribute('data-source') : 'outside any vector';
    }

    function judge() {
        var problems = window.__executed.slice();
        var box = document.getElementById('vectors');
        var expected = Number(box.getAttribute('data-count'));
        var direct = box.querySelectorAll(':scope > div.vector').length;
        if (direct !== expected) {
            problems.push('layout: ' + direct + ' of ' + expected + ' vectors are where they were put');
        }
        var all = box.querySelectorAll('*');
        for (var i = 0; i < all.length; i++) {
            var el = all[i];
            var name = el.localName;
            var ns = el.namespaceURI;
            if (ns === SVG || ns === MATHML) {
                if (FORBIDDEN_FOREIGN.indexOf(name.toLowerCase()) >= 0) {
                    problems.push(where(el) + ': foreign element ' + name);
                }
                var svgLink = ns === SVG && name === 'a';
                for (var k = 0; k < el.attributes.length; k++) {
                    var fa = el.attributes[k];
                    var key = fa.name.toLowerCase();
                    var isLink = key === 'href' || key === 'xlink:href';
                    if (FORBIDDEN_FOREIGN_ATTRIBUTES.indexOf(key) >= 0 || (key.indexOf('xlink:') === 0 && !(svgLink && isLink))
                            || (isLink && !svgLink) || (!isLink && /url\(/i.test(fa.value))) {
                        problems.push(where(el) + ': attribute ' + fa.name + ' on foreign element ' + name);
                    }
                }
                if (name === 'svg' && el.hasAttribute('transform') && el.parentNode.namespaceURI !== SVG) {
                    problems.push(where(el) + ': transformed drawing');
                }
            } else if (ns !== 'http://www.w3.org/1999/xhtml') {
                problems.push(where(el) + ': element ' + name + ' in namespace ' + ns);
            } else if (FORBIDDEN.indexOf(name) >= 0) {
                problems.push(where(el) + ': element ' + name);
            }
            if (name === 'iframe' && el.getAttribute('sandbox') !== SANDBOX) {
                problems.push(where(el) + ': iframe without the sandbox');
            }
            for (var j = 0; j < el.attributes.length; j++) {
                var a = el.attributes[j];
                if (/^on/i.test(a.name) || a.name === 'srcdoc') {
                    problems.push(where(el) + ': attribute ' + a.name);
                }
                if (URL_ATTRIBUTES.indexOf(a.name) >= 0 && a.value !== '') {
                    var url;
                    try {
                        url = new URL(a.value, document.baseURI);
                    } catch (e) {
                        continue; // a URL the browser cannot parse loads nothing
                    }
                    var inlineImage = name === 'img' && a.name === 'src' && /^data:image\/(png|gif|jpe?g|webp|avif|bmp);/.test(a.value);
                    if (WEB.indexOf(url.protocol) < 0 && !inlineImage) {
                        problems.push(where(el) + ': ' + a.name + ' with scheme ' + url.protocol);
                    }
                }
            }
        }
        var verdict = document.getElementById('verdict');
        verdict.textContent = (problems.length ? 'FAIL ' + problems.length + '\n' + problems.join('\n') : 'PASS ' + expected);
        window.__judged = true;
    }

    window.addEventListener('load', function () {
        setTimeout(judge, 2000);
    });
})();
