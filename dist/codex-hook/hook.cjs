"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// node_modules/regjsparser/parser.js
var require_parser = __commonJS({
  "node_modules/regjsparser/parser.js"(exports2, module2) {
    "use strict";
    (function() {
      var fromCodePoint = String.fromCodePoint || (function() {
        var stringFromCharCode = String.fromCharCode;
        var floor = Math.floor;
        return function fromCodePoint2() {
          var MAX_SIZE = 16384;
          var codeUnits = [];
          var highSurrogate;
          var lowSurrogate;
          var index = -1;
          var length = arguments.length;
          if (!length) {
            return "";
          }
          var result = "";
          while (++index < length) {
            var codePoint = Number(arguments[index]);
            if (!isFinite(codePoint) || // `NaN`, `+Infinity`, or `-Infinity`
            codePoint < 0 || // not a valid Unicode code point
            codePoint > 1114111 || // not a valid Unicode code point
            floor(codePoint) != codePoint) {
              throw RangeError("Invalid code point: " + codePoint);
            }
            if (codePoint <= 65535) {
              codeUnits.push(codePoint);
            } else {
              codePoint -= 65536;
              highSurrogate = (codePoint >> 10) + 55296;
              lowSurrogate = codePoint % 1024 + 56320;
              codeUnits.push(highSurrogate, lowSurrogate);
            }
            if (index + 1 == length || codeUnits.length > MAX_SIZE) {
              result += stringFromCharCode.apply(null, codeUnits);
              codeUnits.length = 0;
            }
          }
          return result;
        };
      })();
      var str;
      var features;
      var pos;
      var backrefDenied;
      var closedCaptureCounter;
      var firstIteration;
      var shouldReparse;
      var hasUnicodeFlag;
      var hasUnicodeSetFlag;
      var isUnicodeMode;
      var namedCaptureGroups;
      var groupNames;
      var visibleGroupNames;
      var namedReferences;
      var hasIdentityEscapeK;
      function updateRawStart(node, start) {
        node.range[0] = start;
        node.raw = str.substring(start, node.range[1]);
        return node;
      }
      function createAnchor(kind, rawLength) {
        return {
          type: "anchor",
          kind,
          range: [
            pos - rawLength,
            pos
          ],
          raw: str.substring(pos - rawLength, pos)
        };
      }
      function createValue(kind, codePoint, from, to) {
        return {
          type: "value",
          kind,
          codePoint,
          range: [from, to],
          raw: str.substring(from, to)
        };
      }
      function createEscaped(kind, codePoint, value, fromOffset) {
        fromOffset = fromOffset || 0;
        return createValue(kind, codePoint, pos - (value.length + fromOffset), pos);
      }
      function createCharacter(matches) {
        var _char = matches[0];
        var first = _char.charCodeAt(0);
        if (isUnicodeMode) {
          var second;
          if (_char.length === 1 && first >= 55296 && first <= 56319) {
            var nextChar = lookahead();
            if (nextChar !== void 0) {
              second = nextChar.charCodeAt(0);
              if (second >= 56320 && second <= 57343) {
                pos++;
                return createValue(
                  "symbol",
                  (first - 55296) * 1024 + second - 56320 + 65536,
                  pos - 2,
                  pos
                );
              }
            }
          }
        }
        return createValue("symbol", first, pos - 1, pos);
      }
      function createDisjunction(alternatives, from, to) {
        return {
          type: "disjunction",
          body: alternatives,
          range: [
            from,
            to
          ],
          raw: str.substring(from, to)
        };
      }
      function createDot() {
        return {
          type: "dot",
          range: [
            pos - 1,
            pos
          ],
          raw: "."
        };
      }
      function createCharacterClassEscape(value) {
        return {
          type: "characterClassEscape",
          value,
          range: [
            pos - 2,
            pos
          ],
          raw: str.substring(pos - 2, pos)
        };
      }
      function createReference(matchIndex) {
        var start = pos - 1 - matchIndex.length;
        return {
          type: "reference",
          matchIndex: parseInt(matchIndex, 10),
          range: [
            start,
            pos
          ],
          raw: str.substring(start, pos)
        };
      }
      function createNamedReference(name) {
        var start = name.range[0] - 3;
        return {
          type: "reference",
          name,
          range: [
            start,
            pos
          ],
          raw: str.substring(start, pos)
        };
      }
      function createGroup(behavior, disjunction, from, to) {
        return {
          type: "group",
          behavior,
          body: disjunction,
          range: [
            from,
            to
          ],
          raw: str.substring(from, to)
        };
      }
      function createQuantifier(min, max, from, to, symbol) {
        if (to == null) {
          from = pos - 1;
          to = pos;
        }
        return {
          type: "quantifier",
          min,
          max,
          greedy: true,
          body: null,
          // set later on
          symbol,
          range: [
            from,
            to
          ],
          raw: str.substring(from, to)
        };
      }
      function createAlternative(terms, from, to) {
        return {
          type: "alternative",
          body: terms,
          range: [
            from,
            to
          ],
          raw: str.substring(from, to)
        };
      }
      function createCharacterClass(contents, negative, from, to) {
        return {
          type: "characterClass",
          kind: contents.kind,
          body: contents.body,
          negative,
          range: [
            from,
            to
          ],
          raw: str.substring(from, to)
        };
      }
      function createClassRange(min, max, from, to) {
        if (min.codePoint > max.codePoint) {
          bail("invalid range in character class", min.raw + "-" + max.raw, from, to);
        }
        return {
          type: "characterClassRange",
          min,
          max,
          range: [
            from,
            to
          ],
          raw: str.substring(from, to)
        };
      }
      function createClassStrings(strings, from, to) {
        return {
          type: "classStrings",
          strings,
          range: [from, to],
          raw: str.substring(from, to)
        };
      }
      function createClassString(characters, from, to) {
        return {
          type: "classString",
          characters,
          range: [from, to],
          raw: str.substring(from, to)
        };
      }
      function flattenBody(body) {
        if (body.type === "alternative") {
          return body.body;
        } else {
          return [body];
        }
      }
      function incr(amount) {
        amount = amount || 1;
        pos += amount;
      }
      function consume(amount) {
        var res = str.substring(pos, pos += amount);
        return res;
      }
      function skip(value) {
        if (!match2(value)) {
          bail("character", value);
        }
      }
      function match2(value) {
        var len = value.length;
        if (str.substring(pos, pos + len) === value) {
          incr(len);
          return value;
        }
      }
      function matchOne(value) {
        if (str[pos] === value) {
          pos++;
          return value;
        }
      }
      function lookahead() {
        return str[pos];
      }
      function currentOne(value) {
        return str[pos] === value;
      }
      function current(value) {
        var len = value.length;
        return str.substring(pos, pos + len) === value;
      }
      function next(value) {
        return str[pos + 1] === value;
      }
      function matchReg(regExp) {
        var subStr = str.substring(pos);
        var res = subStr.match(regExp);
        if (res) {
          pos += res[0].length;
        }
        return res;
      }
      function parseDisjunction() {
        var res = [], from = pos, i;
        var disjunctionStart = groupNames.length;
        var alternativeStart = disjunctionStart;
        res.push(parseAlternative());
        while (matchOne("|")) {
          for (i = alternativeStart; i < groupNames.length; i++) {
            visibleGroupNames[groupNames[i]] = false;
          }
          alternativeStart = groupNames.length;
          res.push(parseAlternative());
        }
        for (i = disjunctionStart; i < alternativeStart; i++) {
          visibleGroupNames[groupNames[i]] = true;
        }
        if (res.length === 1) {
          return res[0];
        }
        return createDisjunction(res, from, pos);
      }
      function parseAlternative() {
        var res = [], from = pos;
        var term;
        while (term = parseTerm()) {
          res.push(term);
        }
        if (res.length === 1) {
          return res[0];
        }
        return createAlternative(res, from, pos);
      }
      function parseTerm() {
        if (pos >= str.length || currentOne("|") || currentOne(")")) {
          return null;
        }
        var assertion = parseAssertion();
        var quantifier;
        if (assertion) {
          var pos_backup = pos;
          quantifier = parseQuantifier() || false;
          if (quantifier) {
            if (!isUnicodeMode && assertion.type === "group") {
              quantifier.body = flattenBody(assertion);
              updateRawStart(quantifier, assertion.range[0]);
              return quantifier;
            }
            pos = pos_backup;
            bail("Expected atom");
          }
          return assertion;
        }
        var atom = parseAtomAndExtendedAtom();
        if (!atom) {
          pos_backup = pos;
          quantifier = parseQuantifier() || false;
          if (quantifier) {
            pos = pos_backup;
            bail("Expected atom");
          }
          if (!isUnicodeMode && matchOne("{")) {
            atom = createCharacter("{");
          } else {
            bail("Expected atom");
          }
        }
        quantifier = parseQuantifier() || false;
        if (quantifier) {
          var type = atom.type, behavior = atom.behavior;
          if (type === "group" && (behavior === "negativeLookbehind" || behavior === "lookbehind")) {
            bail(
              "Invalid quantifier",
              "",
              quantifier.range[0],
              quantifier.range[1]
            );
          }
          quantifier.body = flattenBody(atom);
          updateRawStart(quantifier, atom.range[0]);
          return quantifier;
        }
        return atom;
      }
      function parseGroup(matchA, typeA, matchB, typeB) {
        var type, from = pos;
        if (match2(matchA)) {
          type = typeA;
        } else if (match2(matchB)) {
          type = typeB;
        } else {
          return false;
        }
        return finishGroup(type, from);
      }
      function finishGroup(type, from) {
        var body = parseDisjunction();
        if (!body) {
          bail("Expected disjunction");
        }
        skip(")");
        var group = createGroup(type, flattenBody(body), from, pos);
        if (type == "normal") {
          if (firstIteration) {
            closedCaptureCounter++;
          }
        }
        return group;
      }
      function parseAssertion() {
        switch (lookahead()) {
          case "^":
            incr();
            return createAnchor(
              "start",
              1
              /* rawLength */
            );
          case "$":
            incr();
            return createAnchor(
              "end",
              1
              /* rawLength */
            );
          case "\\": {
            if (next("b")) {
              incr(2);
              return createAnchor(
                "boundary",
                2
                /* rawLength */
              );
            } else if (next("B")) {
              incr(2);
              return createAnchor(
                "not-boundary",
                2
                /* rawLength */
              );
            } else if (isUnicodeMode && features.bufferBoundaries) {
              if (next("A")) {
                incr(2);
                return createAnchor(
                  "start-buffer",
                  2
                  /* rawLength */
                );
              } else if (next("z")) {
                incr(2);
                return createAnchor(
                  "end-buffer",
                  2
                  /* rawLength */
                );
              } else if (next("Z")) {
                incr(2);
                return createAnchor(
                  "end-buffer-optional-newline",
                  2
                  /* rawLength */
                );
              }
            }
            break;
          }
          case "(":
            return parseGroup("(?=", "lookahead", "(?!", "negativeLookahead");
          default:
            return;
        }
      }
      function parseQuantifier() {
        var res, from = pos;
        var quantifier;
        var min, max;
        switch (lookahead()) {
          case "*":
            incr();
            quantifier = createQuantifier(0, void 0, void 0, void 0, "*");
            break;
          case "+":
            incr();
            quantifier = createQuantifier(1, void 0, void 0, void 0, "+");
            break;
          case "?":
            incr();
            quantifier = createQuantifier(0, 1, void 0, void 0, "?");
            break;
          case "{": {
            if (res = matchReg(/^\{(\d+)\}/)) {
              min = parseInt(res[1], 10);
              quantifier = createQuantifier(min, min, from, pos);
            } else if (res = matchReg(/^\{(\d+),\}/)) {
              min = parseInt(res[1], 10);
              quantifier = createQuantifier(min, void 0, from, pos);
            } else if (res = matchReg(/^\{(\d+),(\d+)\}/)) {
              min = parseInt(res[1], 10);
              max = parseInt(res[2], 10);
              if (min > max) {
                bail("numbers out of order in {} quantifier", "", from, pos);
              }
              quantifier = createQuantifier(min, max, from, pos);
            }
            if (min && !Number.isSafeInteger(min) || max && !Number.isSafeInteger(max)) {
              bail("iterations outside JS safe integer range in quantifier", "", from, pos);
            }
          }
        }
        if (quantifier) {
          if (matchOne("?")) {
            quantifier.greedy = false;
            quantifier.range[1] += 1;
          }
        }
        return quantifier;
      }
      function parseAtomAndExtendedAtom() {
        var res;
        switch (res = lookahead()) {
          case ".":
            incr();
            return createDot();
          case "\\": {
            incr();
            res = parseAtomEscape();
            if (!res) {
              if (!isUnicodeMode && lookahead() == "c") {
                return createValue("symbol", 92, pos - 1, pos);
              }
              bail("atomEscape");
            }
            return res;
          }
          case "[":
            return parseCharacterClass();
          case "(": {
            if (features.lookbehind && (res = parseGroup("(?<=", "lookbehind", "(?<!", "negativeLookbehind"))) {
              return res;
            } else if (features.namedGroups && match2("(?<")) {
              var name = parseIdentifier();
              skip(">");
              declareGroupName(name);
              var group = finishGroup("normal", name.range[0] - 3);
              group.name = name;
              return group;
            } else if (features.modifiers && current("(?") && str[pos + 2] != ":") {
              return parseModifiersGroup();
            } else {
              return parseGroup("(?:", "ignore", "(", "normal");
            }
          }
          case "]":
          case "}":
            if (!isUnicodeMode) {
              incr();
              return createCharacter(res);
            }
            break;
          case "^":
          case "$":
          case "*":
          case "+":
          case "?":
          case "{":
          case ")":
          case "|":
            break;
          default:
            incr();
            return createCharacter(res);
        }
      }
      function parseModifiersGroup() {
        function hasDupChar(str2) {
          var i = 0;
          while (i < str2.length) {
            if (str2.indexOf(str2[i], i + 1) != -1) {
              return true;
            }
            i++;
          }
          return false;
        }
        var from = pos;
        incr(2);
        var enablingFlags = matchReg(/^[sim]+/);
        var disablingFlags;
        if (matchOne("-") && lookahead() !== ":") {
          disablingFlags = matchReg(/^[sim]+/);
          if (!disablingFlags) {
            bail("Invalid flags for modifiers group");
          }
        } else if (!enablingFlags) {
          bail("Invalid flags for modifiers group");
        }
        enablingFlags = enablingFlags ? enablingFlags[0] : "";
        disablingFlags = disablingFlags ? disablingFlags[0] : "";
        var flags = enablingFlags + disablingFlags;
        if (flags.length > 3 || hasDupChar(flags)) {
          bail("flags cannot be duplicated for modifiers group");
        }
        if (!matchOne(":")) {
          bail("Invalid flags for modifiers group");
        }
        var modifiersGroup = finishGroup("ignore", from);
        modifiersGroup.modifierFlags = {
          enabling: enablingFlags,
          disabling: disablingFlags
        };
        return modifiersGroup;
      }
      function parseUnicodeSurrogatePairEscape(firstEscape, isUnicodeMode2) {
        if (isUnicodeMode2) {
          var first, second;
          if (firstEscape.kind == "unicodeEscape" && (first = firstEscape.codePoint) >= 55296 && first <= 56319 && currentOne("\\") && next("u")) {
            var prevPos = pos;
            pos++;
            var secondEscape = parseClassEscape();
            if (secondEscape && secondEscape.kind == "unicodeEscape" && (second = secondEscape.codePoint) >= 56320 && second <= 57343) {
              firstEscape.kind = "unicodeCodePointEscape";
              firstEscape.codePoint = (first - 55296) * 1024 + second - 56320 + 65536;
              firstEscape.range[1] = pos;
              firstEscape.raw = str.substring(firstEscape.range[0], pos);
            } else {
              pos = prevPos;
            }
          }
        }
        return firstEscape;
      }
      function parseClassEscape() {
        return parseAtomEscape(true);
      }
      function parseAtomEscape(insideCharacterClass) {
        var res, from = pos, ch;
        switch (ch = lookahead()) {
          case "0":
          case "1":
          case "2":
          case "3":
          case "4":
          case "5":
          case "6":
          case "7":
          case "8":
          case "9":
            return parseDecimalEscape(insideCharacterClass);
          case "B": {
            if (insideCharacterClass && isUnicodeMode) {
              bail("\\B not possible inside of CharacterClass", "", from);
            }
            return parseIdentityEscape();
          }
          case "b": {
            if (insideCharacterClass) {
              incr();
              return createEscaped("singleEscape", 8, "\\b");
            } else {
              return parseIdentityEscape();
            }
          }
          case "c": {
            if (insideCharacterClass) {
              if (!isUnicodeMode && (res = matchReg(/^c(\d)/))) {
                return createEscaped("controlLetter", res[1].charCodeAt(0) % 32, res[1], 2);
              } else if (!isUnicodeMode && match2("c_")) {
                return createEscaped("controlLetter", 31, "_", 2);
              }
            }
            return parseCharacterEscape();
          }
          // CharacterClassEscape ::
          //      d
          //      D
          //      s
          //      S
          //      w
          //      W
          case "d":
          case "D":
          case "w":
          case "W":
          case "s":
          case "S":
            incr();
            return createCharacterClassEscape(ch);
          case "k":
            if (namedCaptureGroups) {
              if (!insideCharacterClass && features.namedGroups) {
                if (res = parseNamedReference()) {
                  return res;
                }
                if (next("<")) {
                  bail("Invalid capture group name", "", from);
                }
                bail("Invalid named reference", "", from);
              }
            } else {
              hasIdentityEscapeK = true;
            }
            return parseIdentityEscape();
          case "p":
          case "P":
            return parseUnicodePropertyEscape() || parseIdentityEscape();
          case "-": {
            if (insideCharacterClass && isUnicodeMode) {
              incr();
              return createEscaped("singleEscape", 45, "\\-");
            }
            return parseIdentityEscape();
          }
          default:
            return parseCharacterEscape();
        }
      }
      function parseDecimalEscape(insideCharacterClass) {
        var res, match3, from = pos;
        if (res = matchReg(/^(?!0)\d+/)) {
          match3 = res[0];
          var refIdx = parseInt(match3, 10);
          if (refIdx <= closedCaptureCounter && !insideCharacterClass) {
            return createReference(match3);
          } else {
            backrefDenied.push(refIdx);
            if (firstIteration) {
              shouldReparse = true;
            } else {
              bailOctalEscapeIfUnicode(from, pos);
            }
            incr(-match3.length);
            if (res = matchLegacyOctalEscapeSequence()) {
              return createEscaped("octal", parseInt(res[0], 8), res[0], 1);
            } else {
              var start = pos;
              res = createCharacter(matchReg(/^[89]/));
              return updateRawStart(res, start - 1);
            }
          }
        } else if (res = matchLegacyOctalEscapeSequence()) {
          match3 = res[0];
          if (match3 !== "0" || /\d/.test(lookahead())) {
            bailOctalEscapeIfUnicode(from, pos);
          }
          if (/^0{1,3}$/.test(match3)) {
            return createEscaped("null", 0, "0", match3.length);
          } else {
            return createEscaped("octal", parseInt(match3, 8), match3, 1);
          }
        }
        return false;
      }
      function matchLegacyOctalEscapeSequence() {
        return matchReg(/^(?:[0-3][0-7]{0,2}|[4-7][0-7]?)/);
      }
      function bailOctalEscapeIfUnicode(from, pos2) {
        if (isUnicodeMode) {
          bail("Invalid decimal escape in unicode mode", null, from, pos2);
        }
      }
      function parseUnicodePropertyEscape() {
        var res, from = pos;
        if (features.unicodePropertyEscape && isUnicodeMode && (res = matchReg(/^([pP])\{([^}]+)\}/))) {
          return {
            type: "unicodePropertyEscape",
            negative: res[1] === "P",
            value: res[2],
            range: [from - 1, pos],
            raw: str.substring(from - 1, pos)
          };
        }
        return false;
      }
      function parseNamedReference() {
        if (features.namedGroups && matchReg(/^k<(?=.*?>)/)) {
          var name = parseIdentifier();
          skip(">");
          namedReferences.push(name);
          return createNamedReference(name);
        }
      }
      function parseRegExpUnicodeEscapeSequence(isUnicodeMode2) {
        var res;
        if (res = matchReg(/^u([0-9a-fA-F]{4})/)) {
          return parseUnicodeSurrogatePairEscape(
            createEscaped("unicodeEscape", parseInt(res[1], 16), res[1], 2),
            isUnicodeMode2
          );
        } else if (isUnicodeMode2 && (res = matchReg(/^u\{([0-9a-fA-F]+)\}/))) {
          return createEscaped("unicodeCodePointEscape", parseInt(res[1], 16), res[1], 4);
        }
      }
      function parseCharacterEscape() {
        var res;
        var from = pos;
        switch (lookahead()) {
          case "t":
            incr();
            return createEscaped("singleEscape", 9, "\\t");
          case "n":
            incr();
            return createEscaped("singleEscape", 10, "\\n");
          case "v":
            incr();
            return createEscaped("singleEscape", 11, "\\v");
          case "f":
            incr();
            return createEscaped("singleEscape", 12, "\\f");
          case "r":
            incr();
            return createEscaped("singleEscape", 13, "\\r");
          case "c":
            if (res = matchReg(/^c([a-zA-Z])/)) {
              return createEscaped("controlLetter", res[1].charCodeAt(0) % 32, res[1], 2);
            }
            break;
          case "0":
            if (matchReg(/^0(?!\d)/)) {
              return createEscaped("null", 0, "0", 1);
            }
            break;
          case "x":
            if (res = matchReg(/^x([0-9a-fA-F]{2})/)) {
              return createEscaped("hexadecimalEscape", parseInt(res[1], 16), res[1], 2);
            }
            break;
          case "u":
            if (res = parseRegExpUnicodeEscapeSequence(isUnicodeMode)) {
              if (!res || res.codePoint > 1114111) {
                bail("Invalid escape sequence", null, from, pos);
              }
              return res;
            }
            break;
        }
        return parseIdentityEscape();
      }
      function parseIdentifierAtom(check) {
        var ch = lookahead();
        var from = pos;
        if (ch === void 0) {
          return;
        }
        if (ch === "\\") {
          incr();
          var esc = parseRegExpUnicodeEscapeSequence(true);
          if (!esc || !check(esc.codePoint)) {
            bail("Invalid escape sequence", null, from, pos);
          }
          return fromCodePoint(esc.codePoint);
        }
        var code = ch.charCodeAt(0);
        if (code >= 55296 && code <= 56319) {
          ch += str[pos + 1];
          var second = ch.charCodeAt(1);
          if (second >= 56320 && second <= 57343) {
            code = (code - 55296) * 1024 + second - 56320 + 65536;
          }
        }
        if (!check(code)) return;
        incr();
        if (code > 65535) incr();
        return ch;
      }
      function parseIdentifier() {
        var start = pos;
        var res = parseIdentifierAtom(isIdentifierStart);
        if (!res) {
          bail("Invalid identifier");
        }
        var ch;
        while (ch = parseIdentifierAtom(isIdentifierPart)) {
          res += ch;
        }
        return {
          type: "identifier",
          value: res,
          range: [start, pos],
          raw: str.substring(start, pos)
        };
      }
      function isIdentifierStart(ch) {
        var NonAsciiIdentifierStart = /[\xAA\xB5\xBA\xC0-\xD6\xD8-\xF6\xF8-\u02C1\u02C6-\u02D1\u02E0-\u02E4\u02EC\u02EE\u0370-\u0374\u0376\u0377\u037A-\u037D\u037F\u0386\u0388-\u038A\u038C\u038E-\u03A1\u03A3-\u03F5\u03F7-\u0481\u048A-\u052F\u0531-\u0556\u0558\u0559\u0560-\u0588\u058B\u058C\u05D0-\u05EA\u05EF-\u05F2\u0620-\u064A\u066E\u066F\u0671-\u06D3\u06D5\u06E5\u06E6\u06EE\u06EF\u06FA-\u06FC\u06FF\u0710\u0712-\u072F\u074D-\u07A5\u07B1\u07CA-\u07EA\u07F4\u07F5\u07FA\u0800-\u0815\u081A\u0824\u0828\u0840-\u0858\u0860-\u086A\u0870-\u0887\u0889-\u088F\u08A0-\u08C9\u0904-\u0939\u093D\u0950\u0958-\u0961\u0971-\u0980\u0985-\u098C\u098F\u0990\u0993-\u09A8\u09AA-\u09B0\u09B2\u09B6-\u09B9\u09BD\u09CE\u09DC\u09DD\u09DF-\u09E1\u09F0\u09F1\u09FC\u0A05-\u0A0A\u0A0F\u0A10\u0A13-\u0A28\u0A2A-\u0A30\u0A32\u0A33\u0A35\u0A36\u0A38\u0A39\u0A59-\u0A5C\u0A5E\u0A72-\u0A74\u0A85-\u0A8D\u0A8F-\u0A91\u0A93-\u0AA8\u0AAA-\u0AB0\u0AB2\u0AB3\u0AB5-\u0AB9\u0ABD\u0AD0\u0AE0\u0AE1\u0AF9\u0B05-\u0B0C\u0B0F\u0B10\u0B13-\u0B28\u0B2A-\u0B30\u0B32\u0B33\u0B35-\u0B39\u0B3D\u0B5C\u0B5D\u0B5F-\u0B61\u0B71\u0B83\u0B85-\u0B8A\u0B8E-\u0B90\u0B92-\u0B95\u0B99\u0B9A\u0B9C\u0B9E\u0B9F\u0BA3\u0BA4\u0BA8-\u0BAA\u0BAE-\u0BB9\u0BD0\u0C05-\u0C0C\u0C0E-\u0C10\u0C12-\u0C28\u0C2A-\u0C39\u0C3D\u0C58-\u0C5A\u0C5C\u0C5D\u0C60\u0C61\u0C80\u0C85-\u0C8C\u0C8E-\u0C90\u0C92-\u0CA8\u0CAA-\u0CB3\u0CB5-\u0CB9\u0CBD\u0CDC-\u0CDE\u0CE0\u0CE1\u0CF1\u0CF2\u0D04-\u0D0C\u0D0E-\u0D10\u0D12-\u0D3A\u0D3D\u0D4E\u0D54-\u0D56\u0D5F-\u0D61\u0D7A-\u0D7F\u0D85-\u0D96\u0D9A-\u0DB1\u0DB3-\u0DBB\u0DBD\u0DC0-\u0DC6\u0E01-\u0E30\u0E32\u0E33\u0E40-\u0E46\u0E81\u0E82\u0E84\u0E86-\u0E8A\u0E8C-\u0EA3\u0EA5\u0EA7-\u0EB0\u0EB2\u0EB3\u0EBD\u0EC0-\u0EC4\u0EC6\u0EDC-\u0EDF\u0F00\u0F40-\u0F47\u0F49-\u0F6C\u0F88-\u0F8C\u1000-\u102A\u103F\u1050-\u1055\u105A-\u105D\u1061\u1065\u1066\u106E-\u1070\u1075-\u1081\u108E\u10A0-\u10C5\u10C7\u10CD\u10D0-\u10FA\u10FC-\u1248\u124A-\u124D\u1250-\u1256\u1258\u125A-\u125D\u1260-\u1288\u128A-\u128D\u1290-\u12B0\u12B2-\u12B5\u12B8-\u12BE\u12C0\u12C2-\u12C5\u12C8-\u12D6\u12D8-\u1310\u1312-\u1315\u1318-\u135A\u1380-\u138F\u13A0-\u13F5\u13F8-\u13FD\u1401-\u166C\u166F-\u167F\u1681-\u169A\u16A0-\u16EA\u16EE-\u16F8\u1700-\u1711\u171F-\u1731\u1740-\u1751\u1760-\u176C\u176E-\u1770\u1780-\u17B3\u17D7\u17DC\u1820-\u1878\u1880-\u18A8\u18AA\u18B0-\u18F5\u1900-\u191E\u1950-\u196D\u1970-\u1974\u1980-\u19AB\u19B0-\u19C9\u1A00-\u1A16\u1A20-\u1A54\u1AA7\u1B05-\u1B33\u1B45-\u1B4C\u1B83-\u1BA0\u1BAE\u1BAF\u1BBA-\u1BE5\u1C00-\u1C23\u1C4D-\u1C4F\u1C5A-\u1C7D\u1C80-\u1C8A\u1C90-\u1CBA\u1CBD-\u1CBF\u1CE9-\u1CEC\u1CEE-\u1CF3\u1CF5\u1CF6\u1CFA\u1D00-\u1DBF\u1E00-\u1F15\u1F18-\u1F1D\u1F20-\u1F45\u1F48-\u1F4D\u1F50-\u1F57\u1F59\u1F5B\u1F5D\u1F5F-\u1F7D\u1F80-\u1FB4\u1FB6-\u1FBC\u1FBE\u1FC2-\u1FC4\u1FC6-\u1FCC\u1FD0-\u1FD3\u1FD6-\u1FDB\u1FE0-\u1FEC\u1FF2-\u1FF4\u1FF6-\u1FFC\u2071\u207F\u208F-\u209F\u2102\u2107\u210A-\u2113\u2115\u2118-\u211D\u2124\u2126\u2128\u212A-\u2139\u213C-\u213F\u2145-\u2149\u214E\u2160-\u2188\u2C00-\u2CE4\u2CEB-\u2CEE\u2CF2\u2CF3\u2D00-\u2D25\u2D27\u2D2D\u2D30-\u2D67\u2D6F\u2D80-\u2D96\u2DA0-\u2DA6\u2DA8-\u2DAE\u2DB0-\u2DB6\u2DB8-\u2DBE\u2DC0-\u2DC6\u2DC8-\u2DCE\u2DD0-\u2DD6\u2DD8-\u2DDE\u3005-\u3007\u3021-\u3029\u3031-\u3035\u3038-\u303C\u3041-\u3096\u309B-\u309F\u30A1-\u30FA\u30FC-\u30FF\u3105-\u312F\u3131-\u318E\u31A0-\u31BF\u31F0-\u31FF\u3400-\u4DBF\u4E00-\uA48C\uA4D0-\uA4FD\uA500-\uA60C\uA610-\uA61F\uA62A\uA62B\uA640-\uA66E\uA67F-\uA69D\uA6A0-\uA6EF\uA717-\uA71F\uA722-\uA788\uA78B-\uA7DD\uA7E2\uA7F1-\uA801\uA803-\uA805\uA807-\uA80A\uA80C-\uA822\uA840-\uA873\uA882-\uA8B3\uA8F2-\uA8F7\uA8FB\uA8FD\uA8FE\uA90A-\uA925\uA930-\uA946\uA960-\uA97C\uA984-\uA9B2\uA9CF\uA9E0-\uA9E4\uA9E6-\uA9EF\uA9FA-\uA9FE\uAA00-\uAA28\uAA40-\uAA42\uAA44-\uAA4B\uAA60-\uAA76\uAA7A\uAA7E-\uAAAF\uAAB1\uAAB5\uAAB6\uAAB9-\uAABD\uAAC0\uAAC2\uAADB-\uAADD\uAAE0-\uAAEA\uAAF2-\uAAF4\uAB01-\uAB06\uAB09-\uAB0E\uAB11-\uAB16\uAB20-\uAB26\uAB28-\uAB2E\uAB30-\uAB5A\uAB5C-\uAB69\uAB6C\uAB6D\uAB70-\uABE2\uAC00-\uD7A3\uD7B0-\uD7C6\uD7CB-\uD7FB\uF900-\uFA6D\uFA70-\uFAD9\uFB00-\uFB06\uFB13-\uFB17\uFB1D\uFB1F-\uFB28\uFB2A-\uFB36\uFB38-\uFB3C\uFB3E\uFB40\uFB41\uFB43\uFB44\uFB46-\uFBB1\uFBD3-\uFD3D\uFD50-\uFD8F\uFD92-\uFDC7\uFDF0-\uFDFB\uFE70-\uFE74\uFE76-\uFEFC\uFF21-\uFF3A\uFF41-\uFF5A\uFF66-\uFFBE\uFFC2-\uFFC7\uFFCA-\uFFCF\uFFD2-\uFFD7\uFFDA-\uFFDC]|\uD800[\uDC00-\uDC0B\uDC0D-\uDC26\uDC28-\uDC3A\uDC3C\uDC3D\uDC3F-\uDC4D\uDC50-\uDC5D\uDC80-\uDCFA\uDD40-\uDD74\uDE80-\uDE9C\uDEA0-\uDED0\uDF00-\uDF1F\uDF2D-\uDF4A\uDF50-\uDF75\uDF80-\uDF9D\uDFA0-\uDFC3\uDFC8-\uDFCF\uDFD1-\uDFD5]|\uD801[\uDC00-\uDC9D\uDCB0-\uDCD3\uDCD8-\uDCFB\uDD00-\uDD27\uDD30-\uDD63\uDD70-\uDD7A\uDD7C-\uDD8A\uDD8C-\uDD92\uDD94\uDD95\uDD97-\uDDA1\uDDA3-\uDDB1\uDDB3-\uDDB9\uDDBB\uDDBC\uDDC0-\uDDF3\uDE00-\uDF36\uDF40-\uDF55\uDF60-\uDF67\uDF80-\uDF85\uDF87-\uDFB0\uDFB2-\uDFBF]|\uD802[\uDC00-\uDC05\uDC08\uDC0A-\uDC35\uDC37\uDC38\uDC3C\uDC3F-\uDC55\uDC60-\uDC76\uDC80-\uDC9E\uDCE0-\uDCF2\uDCF4\uDCF5\uDD00-\uDD15\uDD20-\uDD39\uDD40-\uDD59\uDD80-\uDDB7\uDDBE\uDDBF\uDE00\uDE10-\uDE13\uDE15-\uDE17\uDE19-\uDE35\uDE60-\uDE7C\uDE80-\uDE9C\uDEC0-\uDEC7\uDEC9-\uDEE4\uDF00-\uDF35\uDF40-\uDF55\uDF60-\uDF72\uDF80-\uDF91]|\uD803[\uDC00-\uDC48\uDC80-\uDCB2\uDCC0-\uDCF2\uDD00-\uDD23\uDD4A-\uDD65\uDD6F-\uDD85\uDE80-\uDEA9\uDEB0\uDEB1\uDEC2-\uDEC7\uDED9-\uDEEE\uDF00-\uDF1C\uDF27\uDF30-\uDF45\uDF70-\uDF81\uDFB0-\uDFC4\uDFE0-\uDFF6]|\uD804[\uDC03-\uDC37\uDC71\uDC72\uDC75\uDC83-\uDCAF\uDCD0-\uDCE8\uDD03-\uDD26\uDD44\uDD47\uDD50-\uDD72\uDD76\uDD83-\uDDB2\uDDC1-\uDDC4\uDDDA\uDDDC\uDE00-\uDE11\uDE13-\uDE2B\uDE3F\uDE40\uDE80-\uDE86\uDE88\uDE8A-\uDE8D\uDE8F-\uDE9D\uDE9F-\uDEA8\uDEB0-\uDEDE\uDF05-\uDF0C\uDF0F\uDF10\uDF13-\uDF28\uDF2A-\uDF30\uDF32\uDF33\uDF35-\uDF39\uDF3D\uDF50\uDF5D-\uDF61\uDF80-\uDF89\uDF8B\uDF8E\uDF90-\uDFB5\uDFB7\uDFD1\uDFD3]|\uD805[\uDC00-\uDC34\uDC47-\uDC4A\uDC5F-\uDC61\uDC80-\uDCAF\uDCC4\uDCC5\uDCC7\uDD80-\uDDAE\uDDD8-\uDDDB\uDE00-\uDE2F\uDE44\uDE80-\uDEAA\uDEB8\uDF00-\uDF1A\uDF40-\uDF46]|\uD806[\uDC00-\uDC2B\uDCA0-\uDCDF\uDCFF-\uDD06\uDD09\uDD0C-\uDD13\uDD15\uDD16\uDD18-\uDD2F\uDD3F\uDD41\uDDA0-\uDDA7\uDDAA-\uDDD0\uDDE1\uDDE3\uDE00\uDE0B-\uDE32\uDE3A\uDE50\uDE5C-\uDE89\uDE9D\uDEB0-\uDEF8\uDF0A\uDFC0-\uDFE0]|\uD807[\uDC00-\uDC08\uDC0A-\uDC2E\uDC40\uDC72-\uDC8F\uDD00-\uDD06\uDD08\uDD09\uDD0B-\uDD30\uDD46\uDD60-\uDD65\uDD67\uDD68\uDD6A-\uDD89\uDD98\uDDB0-\uDDDB\uDDF1\uDEE0-\uDEF2\uDF02\uDF04-\uDF10\uDF12-\uDF33\uDFB0]|\uD808[\uDC00-\uDF99]|\uD809[\uDC00-\uDC6F\uDC75-\uDD43\uDD50-\uDE86]|\uD80B[\uDF90-\uDFF0]|[\uD80C\uD80E\uD80F\uD81C-\uD822\uD840-\uD868\uD86A-\uD86D\uD86F-\uD872\uD874-\uD879\uD880-\uD883\uD885-\uD88C\uD8B4-\uD8BE][\uDC00-\uDFFF]|\uD80D[\uDC00-\uDC2F\uDC41-\uDC46\uDC60-\uDFFF]|\uD810[\uDC00-\uDFFA]|\uD811[\uDC00-\uDE46]|\uD818[\uDD00-\uDD1D]|\uD81A[\uDC00-\uDE38\uDE40-\uDE5E\uDE70-\uDEBE\uDED0-\uDEED\uDF00-\uDF2F\uDF40-\uDF43\uDF63-\uDF77\uDF7D-\uDF8F]|\uD81B[\uDD40-\uDD6C\uDE40-\uDE7F\uDEA0-\uDEB8\uDEBB-\uDED3\uDF00-\uDF4A\uDF50\uDF93-\uDF9F\uDFE0\uDFE1\uDFE3\uDFF2-\uDFF6]|\uD823[\uDC00-\uDCDA\uDCFF-\uDD20\uDD80-\uDDF2\uDE00-\uDFFF]|\uD824[\uDC00-\uDD91\uDDA0-\uDDD2]|\uD82B[\uDFF0-\uDFF3\uDFF5-\uDFFB\uDFFD\uDFFE]|\uD82C[\uDC00-\uDD28\uDD32\uDD50-\uDD52\uDD55\uDD64-\uDD68\uDD70-\uDEFB]|\uD82F[\uDC00-\uDC6A\uDC70-\uDC7C\uDC80-\uDC88\uDC90-\uDC99]|\uD835[\uDC00-\uDC54\uDC56-\uDC9C\uDC9E\uDC9F\uDCA2\uDCA5\uDCA6\uDCA9-\uDCAC\uDCAE-\uDCB9\uDCBB\uDCBD-\uDCC3\uDCC5-\uDD05\uDD07-\uDD0A\uDD0D-\uDD14\uDD16-\uDD1C\uDD1E-\uDD39\uDD3B-\uDD3E\uDD40-\uDD44\uDD46\uDD4A-\uDD50\uDD52-\uDEA6\uDEA8-\uDEC0\uDEC2-\uDEDA\uDEDC-\uDEFA\uDEFC-\uDF14\uDF16-\uDF34\uDF36-\uDF4E\uDF50-\uDF6E\uDF70-\uDF88\uDF8A-\uDFA8\uDFAA-\uDFC2\uDFC4-\uDFCB]|\uD837[\uDF00-\uDF81\uDF90-\uDF96\uDFCD-\uDFFF]|\uD838[\uDC30-\uDC6D\uDD00-\uDD2C\uDD37-\uDD3D\uDD4E\uDE90-\uDEAD\uDEC0-\uDEEB]|\uD839[\uDCD0-\uDCEB\uDDD0-\uDDED\uDDF0\uDEC0-\uDEDE\uDEE0-\uDEE2\uDEE4\uDEE5\uDEE7-\uDEED\uDEF0-\uDEF4\uDEFE\uDEFF\uDFE0-\uDFE6\uDFE8-\uDFEB\uDFED\uDFEE\uDFF0-\uDFFE]|\uD83A[\uDC00-\uDCC4\uDD00-\uDD43\uDD4B]|\uD83B[\uDE00-\uDE03\uDE05-\uDE1F\uDE21\uDE22\uDE24\uDE27\uDE29-\uDE32\uDE34-\uDE37\uDE39\uDE3B\uDE42\uDE47\uDE49\uDE4B\uDE4D-\uDE4F\uDE51\uDE52\uDE54\uDE57\uDE59\uDE5B\uDE5D\uDE5F\uDE61\uDE62\uDE64\uDE67-\uDE6A\uDE6C-\uDE72\uDE74-\uDE77\uDE79-\uDE7C\uDE7E\uDE80-\uDE89\uDE8B-\uDE9B\uDEA1-\uDEA3\uDEA5-\uDEA9\uDEAB-\uDEBB]|\uD869[\uDC00-\uDEDF\uDF00-\uDFFF]|\uD86E[\uDC00-\uDC1E\uDC20-\uDFFF]|\uD873[\uDC00-\uDEAD\uDEB0-\uDFFF]|\uD87A[\uDC00-\uDFE0\uDFF0-\uDFFF]|\uD87B[\uDC00-\uDE5D]|\uD87E[\uDC00-\uDE1D]|\uD884[\uDC00-\uDF4A\uDF50-\uDFFF]|\uD88D[\uDC00-\uDC79]|\uD8BF[\uDC00-\uDC3F]/;
        return ch === 36 || ch === 95 || // $ (dollar) and _ (underscore)
        ch >= 65 && ch <= 90 || // A..Z
        ch >= 97 && ch <= 122 || // a..z
        ch >= 128 && NonAsciiIdentifierStart.test(fromCodePoint(ch));
      }
      function isIdentifierPart(ch) {
        var NonAsciiIdentifierPartOnly = /[\xB7\u0300-\u036F\u0387\u0483-\u0487\u0591-\u05BD\u05BF\u05C1\u05C2\u05C4\u05C5\u05C7-\u05C9\u0610-\u061A\u064B-\u0669\u0670\u06D6-\u06DC\u06DF-\u06E4\u06E7\u06E8\u06EA-\u06ED\u06F0-\u06F9\u0711\u0730-\u074A\u07A6-\u07B0\u07C0-\u07C9\u07EB-\u07F3\u07FD\u0816-\u0819\u081B-\u0823\u0825-\u0827\u0829-\u082D\u0859-\u085B\u0897-\u089F\u08CA-\u08E1\u08E3-\u0903\u093A-\u093C\u093E-\u094F\u0951-\u0957\u0962\u0963\u0966-\u096F\u0981-\u0983\u09BC\u09BE-\u09C4\u09C7\u09C8\u09CB-\u09CD\u09D7\u09E2\u09E3\u09E6-\u09EF\u09FE\u0A01-\u0A03\u0A3C\u0A3E-\u0A42\u0A47\u0A48\u0A4B-\u0A4D\u0A51\u0A66-\u0A71\u0A75\u0A81-\u0A83\u0ABC\u0ABE-\u0AC5\u0AC7-\u0AC9\u0ACB-\u0ACD\u0AE2\u0AE3\u0AE6-\u0AEF\u0AFA-\u0AFF\u0B01-\u0B03\u0B3C\u0B3E-\u0B44\u0B47\u0B48\u0B4B-\u0B4D\u0B53-\u0B57\u0B62\u0B63\u0B66-\u0B6F\u0B82\u0BBE-\u0BC2\u0BC6-\u0BC8\u0BCA-\u0BCD\u0BD7\u0BE6-\u0BEF\u0C00-\u0C04\u0C3C\u0C3E-\u0C44\u0C46-\u0C48\u0C4A-\u0C4D\u0C55\u0C56\u0C62\u0C63\u0C66-\u0C6F\u0C81-\u0C83\u0CBC\u0CBE-\u0CC4\u0CC6-\u0CC8\u0CCA-\u0CCD\u0CD5\u0CD6\u0CE2\u0CE3\u0CE6-\u0CEF\u0CF3\u0D00-\u0D03\u0D3B\u0D3C\u0D3E-\u0D44\u0D46-\u0D48\u0D4A-\u0D4D\u0D57\u0D62\u0D63\u0D66-\u0D6F\u0D81-\u0D83\u0DCA\u0DCF-\u0DD4\u0DD6\u0DD8-\u0DDF\u0DE6-\u0DEF\u0DF2\u0DF3\u0E31\u0E34-\u0E3A\u0E47-\u0E4E\u0E50-\u0E59\u0EB1\u0EB4-\u0EBC\u0EC8-\u0ECE\u0ED0-\u0ED9\u0F18\u0F19\u0F20-\u0F29\u0F35\u0F37\u0F39\u0F3E\u0F3F\u0F71-\u0F84\u0F86\u0F87\u0F8D-\u0F97\u0F99-\u0FBC\u0FC6\u102B-\u103E\u1040-\u1049\u1056-\u1059\u105E-\u1060\u1062-\u1064\u1067-\u106D\u1071-\u1074\u1082-\u108D\u108F-\u109D\u135D-\u135F\u1369-\u1371\u1712-\u1715\u1732-\u1734\u1752\u1753\u1772\u1773\u17B4-\u17D3\u17DD\u17E0-\u17E9\u180B-\u180D\u180F-\u1819\u18A9\u1920-\u192B\u1930-\u193B\u1946-\u194F\u19D0-\u19DA\u1A17-\u1A1B\u1A55-\u1A5E\u1A60-\u1A7C\u1A7F-\u1A89\u1A90-\u1A99\u1AB0-\u1ABD\u1ABF-\u1AF0\u1B00-\u1B04\u1B34-\u1B44\u1B50-\u1B59\u1B6B-\u1B73\u1B80-\u1B82\u1BA1-\u1BAD\u1BB0-\u1BB9\u1BE6-\u1BF3\u1C24-\u1C37\u1C40-\u1C49\u1C50-\u1C59\u1CD0-\u1CD2\u1CD4-\u1CE8\u1CED\u1CF4\u1CF7-\u1CF9\u1DC0-\u1DFF\u200C\u200D\u203F\u2040\u2054\u20D0-\u20DC\u20E1\u20E5-\u20F0\u2CEF-\u2CF1\u2D7F\u2DE0-\u2DFF\u302A-\u302F\u3099\u309A\u30FB\uA620-\uA629\uA66F\uA674-\uA67D\uA69E\uA69F\uA6F0\uA6F1\uA802\uA806\uA80B\uA823-\uA827\uA82C\uA880\uA881\uA8B4-\uA8C5\uA8D0-\uA8D9\uA8E0-\uA8F1\uA8FF-\uA909\uA926-\uA92D\uA947-\uA953\uA980-\uA983\uA9B3-\uA9C0\uA9D0-\uA9D9\uA9E5\uA9F0-\uA9F9\uAA29-\uAA36\uAA43\uAA4C\uAA4D\uAA50-\uAA59\uAA7B-\uAA7D\uAAB0\uAAB2-\uAAB4\uAAB7\uAAB8\uAABE\uAABF\uAAC1\uAAEB-\uAAEF\uAAF5\uAAF6\uABE3-\uABEA\uABEC\uABED\uABF0-\uABF9\uFB1E\uFE00-\uFE0F\uFE20-\uFE2F\uFE33\uFE34\uFE4D-\uFE4F\uFF10-\uFF19\uFF3F\uFF65]|\uD800[\uDDFD\uDEE0\uDF76-\uDF7A]|\uD801[\uDCA0-\uDCA9]|\uD802[\uDE01-\uDE03\uDE05\uDE06\uDE0C-\uDE0F\uDE38-\uDE3A\uDE3F\uDEE5\uDEE6]|\uD803[\uDD24-\uDD27\uDD30-\uDD39\uDD40-\uDD49\uDD69-\uDD6D\uDEAB\uDEAC\uDECB-\uDECF\uDEF0-\uDEFF\uDF46-\uDF50\uDF82-\uDF85]|\uD804[\uDC00-\uDC02\uDC38-\uDC46\uDC66-\uDC70\uDC73\uDC74\uDC7F-\uDC82\uDCB0-\uDCBA\uDCC2\uDCF0-\uDCF9\uDD00-\uDD02\uDD27-\uDD34\uDD36-\uDD3F\uDD45\uDD46\uDD73\uDD80-\uDD82\uDDB3-\uDDC0\uDDC9-\uDDCC\uDDCE-\uDDD9\uDE2C-\uDE37\uDE3E\uDE41\uDEDF-\uDEEA\uDEF0-\uDEF9\uDF00-\uDF03\uDF3B\uDF3C\uDF3E-\uDF44\uDF47\uDF48\uDF4B-\uDF4D\uDF57\uDF62\uDF63\uDF66-\uDF6C\uDF70-\uDF74\uDFB8-\uDFC0\uDFC2\uDFC5\uDFC7-\uDFCA\uDFCC-\uDFD0\uDFD2\uDFE1\uDFE2]|\uD805[\uDC35-\uDC46\uDC50-\uDC59\uDC5E\uDCB0-\uDCC3\uDCD0-\uDCD9\uDDAF-\uDDB5\uDDB8-\uDDC0\uDDDC\uDDDD\uDE30-\uDE40\uDE50-\uDE59\uDEAB-\uDEB7\uDEC0-\uDEC9\uDED0-\uDEE3\uDF1D-\uDF2B\uDF30-\uDF39]|\uD806[\uDC2C-\uDC3A\uDCE0-\uDCE9\uDD30-\uDD35\uDD37\uDD38\uDD3B-\uDD3E\uDD40\uDD42\uDD43\uDD50-\uDD59\uDDD1-\uDDD7\uDDDA-\uDDE0\uDDE4\uDE01-\uDE0A\uDE33-\uDE39\uDE3B-\uDE3E\uDE47\uDE51-\uDE5B\uDE8A-\uDE99\uDF60-\uDF67\uDFF0-\uDFF9]|\uD807[\uDC2F-\uDC36\uDC38-\uDC3F\uDC50-\uDC59\uDC92-\uDCA7\uDCA9-\uDCB6\uDD31-\uDD36\uDD3A\uDD3C\uDD3D\uDD3F-\uDD45\uDD47\uDD50-\uDD59\uDD8A-\uDD8E\uDD90\uDD91\uDD93-\uDD97\uDDA0-\uDDA9\uDDE0-\uDDE9\uDDF0\uDEF3-\uDEF6\uDF00\uDF01\uDF03\uDF34-\uDF3A\uDF3E-\uDF42\uDF50-\uDF5A]|\uD80D[\uDC40\uDC47-\uDC55]|\uD818[\uDD1E-\uDD39]|\uD81A[\uDE60-\uDE69\uDEC0-\uDEC9\uDEF0-\uDEF4\uDF30-\uDF36\uDF50-\uDF59]|\uD81B[\uDD70-\uDD79\uDF4F\uDF51-\uDF87\uDF8F-\uDF92\uDFE4\uDFF0\uDFF1]|\uD82F[\uDC9D\uDC9E]|\uD833[\uDCF0-\uDCF9\uDF00-\uDF2D\uDF30-\uDF46]|\uD834[\uDD27\uDD28\uDD65-\uDD69\uDD6D-\uDD72\uDD7B-\uDD82\uDD85-\uDD8B\uDDAA-\uDDAD\uDE42-\uDE44\uDE50-\uDE52\uDE5B\uDE5C\uDE5F\uDE80\uDE81]|\uD835[\uDFCE-\uDFFF]|\uD836[\uDE00-\uDE36\uDE3B-\uDE6C\uDE75\uDE84\uDE9B-\uDE9F\uDEA1-\uDEAF]|\uD838[\uDC00-\uDC06\uDC08-\uDC18\uDC1B-\uDC21\uDC23\uDC24\uDC26-\uDC2A\uDC8F\uDD30-\uDD36\uDD40-\uDD49\uDEAE\uDEEC-\uDEF9]|\uD839[\uDCEC-\uDCF9\uDDEE\uDDEF\uDDF1-\uDDFA\uDEE3\uDEE6\uDEEE\uDEEF\uDEF5]|\uD83A[\uDCD0-\uDCD6\uDD44-\uDD4A\uDD50-\uDD59]|\uD83E[\uDFF0-\uDFF9]|\uDB40[\uDD00-\uDDEF]/;
        return isIdentifierStart(ch) || ch >= 48 && ch <= 57 || // 0..9
        ch >= 128 && NonAsciiIdentifierPartOnly.test(fromCodePoint(ch));
      }
      function parseIdentityEscape() {
        var tmp;
        var l = lookahead();
        if (isUnicodeMode && /[\^$.*+?()\\[\]{}|/]/.test(l) || !isUnicodeMode && l !== "c" && !(namedCaptureGroups && l === "k")) {
          tmp = consume(1);
          return createEscaped("identifier", tmp.charCodeAt(0), tmp, 1);
        }
        return null;
      }
      function parseCharacterClass() {
        var res, from = pos;
        if (match2("[^")) {
          res = parseClassContents();
          skip("]");
          if (hasUnicodeSetFlag && mayContainStrings(res)) {
            bail("Negated character class may contain strings", "", from, pos);
          }
          return createCharacterClass(res, true, from, pos);
        } else if (matchOne("[")) {
          res = parseClassContents();
          skip("]");
          return createCharacterClass(res, false, from, pos);
        }
        return null;
      }
      function mayContainStrings(contents) {
        switch (contents.kind) {
          case "intersection":
            return contents.body.every(operandMayContainStrings);
          case "subtraction":
            return operandMayContainStrings(contents.body[0]);
          default:
            return contents.body.some(operandMayContainStrings);
        }
      }
      function operandMayContainStrings(node) {
        switch (node.type) {
          case "classStrings":
            return node.strings.some(function(string) {
              return string.characters.length !== 1;
            });
          case "characterClass":
            return !node.negative && mayContainStrings(node);
          case "unicodePropertyEscape":
            return !node.negative && isBinaryPropertyOfStrings(node.value);
          default:
            return false;
        }
      }
      function isBinaryPropertyOfStrings(value) {
        switch (value) {
          case "Basic_Emoji":
          case "Emoji_Keycap_Sequence":
          case "RGI_Emoji_Modifier_Sequence":
          case "RGI_Emoji_Flag_Sequence":
          case "RGI_Emoji_Tag_Sequence":
          case "RGI_Emoji_ZWJ_Sequence":
          case "RGI_Emoji":
            return true;
          default:
            return false;
        }
      }
      function parseClassContents() {
        var res;
        if (currentOne("]")) {
          return { kind: "union", body: [] };
        } else if (hasUnicodeSetFlag) {
          return parseClassSetExpression();
        } else {
          res = parseNonemptyClassRanges();
          if (!res) {
            bail("nonEmptyClassRanges");
          }
          return { kind: "union", body: res };
        }
      }
      function parseNonemptyClassRanges() {
        var contents = [], rangeIndexes = [];
        var atom, atomTo, dash, range2, i, j;
        do {
          atom = parseClassAtom();
          if (!atom) {
            bail("classAtom");
          }
          if (currentOne("-") && !next("]")) {
            incr();
            dash = createCharacter("-");
            atomTo = parseClassAtom();
            if (!atomTo) {
              bail("classAtom");
            }
            rangeIndexes.push(contents.length);
            contents.push({ atom, dash, atomTo, from: atom.range[0], to: pos });
          } else {
            contents.push(atom);
          }
        } while (!currentOne("]"));
        for (i = rangeIndexes.length - 1; i >= 0; i--) {
          range2 = contents[rangeIndexes[i]];
          if (!("codePoint" in range2.atom) || !("codePoint" in range2.atomTo)) {
            if (!isUnicodeMode) {
              contents[rangeIndexes[i]] = [range2.atom, range2.dash, range2.atomTo];
            } else {
              bail("invalid character class");
            }
          } else {
            contents[rangeIndexes[i]] = createClassRange(range2.atom, range2.atomTo, range2.from, range2.to);
          }
        }
        var res = [];
        for (i = 0; i < contents.length; i++) {
          var contentsItem = contents[i];
          if (Array.isArray(contentsItem)) {
            for (j = 0; j < contentsItem.length; j++) {
              res.push(contentsItem[j]);
            }
          } else {
            res.push(contentsItem);
          }
        }
        return res;
      }
      function parseClassAtom() {
        if (matchOne("-")) {
          return createCharacter("-");
        } else {
          return parseClassAtomNoDash();
        }
      }
      function parseClassAtomNoDash() {
        var res;
        switch (res = lookahead()) {
          case "\\": {
            incr();
            res = parseClassEscape();
            if (!res) {
              if (!isUnicodeMode && lookahead() == "c") {
                return createCharacter("\\");
              }
              bail("classEscape");
            }
            return parseUnicodeSurrogatePairEscape(res, isUnicodeMode);
          }
          case "]":
          case "-":
          case void 0:
            return void 0;
          default:
            incr();
            return createCharacter(res);
        }
      }
      function parseClassSetExpression() {
        var body = [];
        var kind;
        var operand = parseClassSetOperand(
          /* allowRanges*/
          true
        );
        body.push(operand);
        if (operand.type === "characterClassRange") {
          kind = "union";
        } else if (currentOne("&") && next("&")) {
          kind = "intersection";
        } else if (currentOne("-") && next("-")) {
          kind = "subtraction";
        } else {
          kind = "union";
        }
        while (!currentOne("]")) {
          if (kind === "intersection") {
            skip("&");
            skip("&");
            if (currentOne("&")) {
              bail("&& cannot be followed by &. Wrap it in brackets: &&[&].");
            }
          } else if (kind === "subtraction") {
            skip("-");
            skip("-");
          }
          operand = parseClassSetOperand(
            /* allowRanges*/
            kind === "union"
          );
          body.push(operand);
        }
        return { kind, body };
      }
      function parseClassSetOperand(allowRanges) {
        var from = pos;
        var start, res;
        if (matchOne("\\")) {
          if (match2("q{")) {
            return parseClassStringDisjunction();
          } else if (res = parseClassEscape()) {
            if (res.type === "characterClassEscape" || res.type === "unicodePropertyEscape") {
              return res;
            }
            start = res;
          } else if (res = parseClassSetCharacterEscapedHelper()) {
            start = res;
          } else {
            bail("Invalid escape", "\\" + lookahead(), from);
          }
        } else if (res = parseClassSetCharacterUnescapedHelper()) {
          start = res;
        } else if (res = parseCharacterClass()) {
          return res;
        } else {
          bail("Invalid character", lookahead());
        }
        if (allowRanges && currentOne("-") && !next("-")) {
          incr();
          if (res = parseClassSetCharacter()) {
            return createClassRange(start, res, from, pos);
          }
          bail("Invalid range end", lookahead());
        }
        return start;
      }
      function parseClassSetCharacter() {
        if (matchOne("\\")) {
          var res, from = pos;
          if (res = parseClassSetCharacterEscapedHelper()) {
            return res;
          } else {
            bail("Invalid escape", "\\" + lookahead(), from);
          }
        }
        return parseClassSetCharacterUnescapedHelper();
      }
      function parseClassSetCharacterUnescapedHelper() {
        var res;
        if (matchReg(/^(?:&&|!!|##|\$\$|%%|\*\*|\+\+|,,|\.\.|::|;;|<<|==|>>|\?\?|@@|\^\^|``|~~)/)) {
          bail("Invalid set operation in character class");
        }
        if (res = matchReg(/^[^()[\]{}/\-\\|]/)) {
          return createCharacter(res);
        }
      }
      function parseClassSetCharacterEscapedHelper() {
        var res;
        if (matchOne("b")) {
          return createEscaped("singleEscape", 8, "\\b");
        } else if (matchOne("B")) {
          bail("\\B not possible inside of ClassContents", "", pos - 2);
        } else if (res = matchReg(/^[&\-!#%,:;<=>@`~]/)) {
          return createEscaped("identifier", res[0].codePointAt(0), res[0]);
        } else if (res = parseCharacterEscape()) {
          return res;
        } else {
          return null;
        }
      }
      function parseClassStringDisjunction() {
        var from = pos - 3;
        var res = [];
        do {
          res.push(parseClassString());
        } while (matchOne("|"));
        skip("}");
        return createClassStrings(res, from, pos);
      }
      function parseClassString() {
        var res = [], from = pos;
        var char;
        while (char = parseClassSetCharacter()) {
          res.push(char);
        }
        return createClassString(res, from, pos);
      }
      function declareGroupName(name) {
        if (visibleGroupNames[name.value]) {
          bail("Duplicate capture group name", name.value, name.range[0], name.range[1]);
        }
        visibleGroupNames[name.value] = true;
        groupNames.push(name.value);
        namedCaptureGroups = true;
      }
      function checkNamedReferences() {
        for (var i = 0; i < namedReferences.length; i++) {
          var name = namedReferences[i];
          if (!(name.value in visibleGroupNames)) {
            bail("Invalid named capture referenced", name.value, name.range[0], name.range[1]);
          }
        }
      }
      function bail(message, details, from, to) {
        from = from == null ? pos : from;
        to = to == null ? from : to;
        var contextStart = Math.max(0, from - 10);
        var contextEnd = Math.min(to + 10, str.length);
        var context = "    " + str.substring(contextStart, contextEnd);
        var pointer = "    " + new Array(from - contextStart + 1).join(" ") + "^";
        throw SyntaxError(message + " at position " + from + (details ? ": " + details : "") + "\n" + context + "\n" + pointer);
      }
      function parse2(input, flags, options) {
        var savedStr = str;
        var savedFeatures = features;
        var savedPos = pos;
        var savedBackrefDenied = backrefDenied;
        var savedClosedCaptureCounter = closedCaptureCounter;
        var savedFirstIteration = firstIteration;
        var savedShouldReparse = shouldReparse;
        var savedHasUnicodeFlag = hasUnicodeFlag;
        var savedHasUnicodeSetFlag = hasUnicodeSetFlag;
        var savedIsUnicodeMode = isUnicodeMode;
        var savedNamedCaptureGroups = namedCaptureGroups;
        var savedGroupNames = groupNames;
        var savedVisibleGroupNames = visibleGroupNames;
        var savedNamedReferences = namedReferences;
        var savedHasIdentityEscapeK = hasIdentityEscapeK;
        try {
          return parseImpl(input, flags, options);
        } finally {
          str = savedStr;
          features = savedFeatures;
          pos = savedPos;
          backrefDenied = savedBackrefDenied;
          closedCaptureCounter = savedClosedCaptureCounter;
          firstIteration = savedFirstIteration;
          shouldReparse = savedShouldReparse;
          hasUnicodeFlag = savedHasUnicodeFlag;
          hasUnicodeSetFlag = savedHasUnicodeSetFlag;
          isUnicodeMode = savedIsUnicodeMode;
          namedCaptureGroups = savedNamedCaptureGroups;
          groupNames = savedGroupNames;
          visibleGroupNames = savedVisibleGroupNames;
          namedReferences = savedNamedReferences;
          hasIdentityEscapeK = savedHasIdentityEscapeK;
        }
      }
      function parseImpl(input, flags, options) {
        features = options || {};
        backrefDenied = [];
        closedCaptureCounter = 0;
        firstIteration = true;
        shouldReparse = false;
        hasUnicodeFlag = (flags || "").indexOf("u") !== -1;
        hasUnicodeSetFlag = (flags || "").indexOf("v") !== -1;
        isUnicodeMode = hasUnicodeFlag || hasUnicodeSetFlag;
        namedCaptureGroups = isUnicodeMode;
        groupNames = [];
        visibleGroupNames = /* @__PURE__ */ Object.create(null);
        namedReferences = [];
        hasIdentityEscapeK = false;
        pos = 0;
        if (hasUnicodeSetFlag && !features.unicodeSet) {
          throw new Error('The "v" flag is only supported when the .unicodeSet option is enabled.');
        }
        if (hasUnicodeFlag && hasUnicodeSetFlag) {
          throw new Error('The "u" and "v" flags are mutually exclusive.');
        }
        str = String(input);
        if (str === "") {
          str = "(?:)";
        }
        var result = parseDisjunction();
        if (result.range[1] !== str.length) {
          bail("Could not parse entire input - got stuck", "", result.range[1]);
        }
        shouldReparse = shouldReparse || backrefDenied.some(function(ref) {
          return ref <= closedCaptureCounter;
        });
        if (groupNames.length > 0 && hasIdentityEscapeK) {
          shouldReparse = true;
        }
        if (shouldReparse) {
          pos = 0;
          firstIteration = false;
          groupNames = [];
          visibleGroupNames = /* @__PURE__ */ Object.create(null);
          namedReferences = [];
          result = parseDisjunction();
        }
        checkNamedReferences();
        return result;
      }
      var regjsparser = {
        parse: parse2
      };
      if (typeof module2 !== "undefined" && module2.exports) {
        module2.exports = regjsparser;
      } else {
        window.regjsparser = regjsparser;
      }
    })();
  }
});

// src/codex-session/main.ts
var main_exports = {};
__export(main_exports, {
  run: () => run
});
module.exports = __toCommonJS(main_exports);
var import_node_fs5 = require("node:fs");

// src/codex-session/hook-command.ts
var import_promises2 = require("node:fs/promises");
var import_node_os = __toESM(require("node:os"), 1);

// src/core/lazy-builtin.ts
var import_node_module = __toESM(require("node:module"), 1);
var load;
function loader() {
  const get = process.getBuiltinModule;
  if (typeof get === "function") return get.bind(process);
  const createRequire = Reflect.get(import_node_module.default, "createRequire");
  return createRequire(__filename);
}
function deferBuiltin(id) {
  let mod;
  return () => mod ??= (load ??= loader())(id);
}

// src/adapters/command-runner.ts
var childProcess = deferBuiltin("node:child_process");
var DEFAULT_MAX_OUTPUT = 5 * 1024 * 1024;
var KILL_GRACE_MS = 2e3;
var SECRET_ENV = /^(INPUT_.*|ACTIONS_RUNTIME_TOKEN|ACTIONS_ID_TOKEN_REQUEST_TOKEN|ACTIONS_ID_TOKEN_REQUEST_URL|GITHUB_TOKEN|GH_TOKEN|CODEX_TOKEN)$/i;
function createCommandEnv(base = process.env) {
  const env = {};
  for (const [k, v] of Object.entries(base)) if (!SECRET_ENV.test(k)) env[k] = v;
  return env;
}
var runCommand = (argv, options) => new Promise((resolve) => {
  const [program, ...args] = argv;
  if (program === void 0 || program === "") {
    resolve({ exitCode: null, stdout: "", stderr: "", timedOut: false, truncated: false, error: "empty command" });
    return;
  }
  const cap = options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT;
  const posix3 = process.platform !== "win32";
  const child = childProcess().spawn(program, args, {
    cwd: options.cwd,
    env: options.env ?? createCommandEnv(),
    shell: false,
    stdio: [options.stdin !== void 0 ? "pipe" : "ignore", "pipe", "pipe"],
    // Its own process group, so a timeout can kill the grandchildren too.
    detached: posix3,
    windowsHide: true
  });
  let timedOut = false;
  let settled = false;
  const out = collectCapped(cap);
  const err = collectCapped(cap);
  child.stdout.on("data", (c) => out.push(c));
  child.stderr.on("data", (c) => err.push(c));
  const killTree = (signal) => killProcessTree(child, posix3, signal);
  let hardKill;
  const timer = setTimeout(() => {
    timedOut = true;
    killTree("SIGTERM");
    hardKill = setTimeout(() => killTree("SIGKILL"), KILL_GRACE_MS);
    hardKill.unref();
  }, options.timeoutMs);
  const finish = (exitCode, error) => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    if (timedOut) killTree("SIGKILL");
    if (hardKill) clearTimeout(hardKill);
    resolve({
      exitCode: timedOut ? null : exitCode,
      stdout: out.text(),
      stderr: err.text(),
      timedOut,
      truncated: out.truncated() || err.truncated(),
      ...error !== void 0 ? { error } : {}
    });
  };
  if (child.stdin) {
    child.stdin.on("error", () => void 0);
    child.stdin.end(options.stdin);
  }
  child.on("error", (e) => finish(null, e.message));
  child.on("close", (code) => finish(code));
});
function collectCapped(cap) {
  const chunks = [];
  let size = 0;
  let truncated = false;
  return {
    push(chunk) {
      if (size >= cap) {
        truncated = true;
        return;
      }
      const room = cap - size;
      if (chunk.length > room) truncated = true;
      const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
      chunks.push(part);
      size += part.length;
    },
    text: () => Buffer.concat(chunks).toString("utf8"),
    truncated: () => truncated
  };
}
function killProcessTree(child, posix3, signal) {
  if (child.pid === void 0) return;
  try {
    if (posix3) process.kill(-child.pid, signal);
    else child.kill(signal);
  } catch {
  }
}

// src/adapters/session-changes.ts
var import_node_fs = require("node:fs");
var import_node_path2 = __toESM(require("node:path"), 1);

// src/core/diff/parse-git-diff.ts
function parseGitDiff(output) {
  const files = [];
  const sections = output.split(/^(?=diff --git )/m).filter((s) => s.startsWith("diff --git "));
  for (const section of sections) {
    const file = parseSection(section);
    if (file) files.push(file);
  }
  return files;
}
function parseSection(section) {
  const lines = section.split("\n");
  let oldPath;
  let newPath;
  let status = "modified";
  let binary = false;
  let i = 1;
  for (; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, "");
    if (line.startsWith("@@")) break;
    if (line.startsWith("new file mode")) status = "added";
    else if (line.startsWith("deleted file mode")) status = "removed";
    else if (line.startsWith("rename from ")) {
      oldPath = unquote(line.slice("rename from ".length));
      status = "renamed";
    } else if (line.startsWith("rename to ")) newPath = unquote(line.slice("rename to ".length));
    else if (line.startsWith("copy from ")) {
      oldPath = unquote(line.slice("copy from ".length));
      status = "copied";
    } else if (line.startsWith("copy to ")) newPath = unquote(line.slice("copy to ".length));
    else if (line.startsWith("--- ")) {
      const p = stripPrefix(unquote(line.slice(4)));
      if (p !== void 0) oldPath = p;
    } else if (line.startsWith("+++ ")) {
      const p = stripPrefix(unquote(line.slice(4)));
      if (p !== void 0) newPath = p;
    } else if (line.startsWith("Binary files ") || line.startsWith("GIT binary patch")) binary = true;
  }
  if (newPath === void 0 || oldPath === void 0) {
    const fromHeader = pathsFromHeader(lines[0]);
    oldPath ??= fromHeader?.[0];
    newPath ??= fromHeader?.[1];
  }
  const path6 = status === "removed" ? oldPath ?? newPath : newPath ?? oldPath;
  if (path6 === void 0) return void 0;
  const hunkLines = lines.slice(i);
  while (hunkLines.length > 0 && hunkLines[hunkLines.length - 1] === "") hunkLines.pop();
  let additions = 0;
  let deletions = 0;
  for (const l of hunkLines) {
    if (l.startsWith("+")) additions++;
    else if (l.startsWith("-")) deletions++;
  }
  const patch = hunkLines.length > 0 ? hunkLines.join("\n") : void 0;
  return {
    path: path6,
    ...status === "renamed" || status === "copied" ? { previousPath: oldPath } : {},
    status,
    additions,
    deletions,
    ...patch !== void 0 ? { patch } : {},
    ...binary ? { binary } : {}
  };
}
function stripPrefix(p) {
  if (p === "/dev/null") return void 0;
  return p.replace(/^[ab]\//, "").replace(/\t$/, "");
}
function pathsFromHeader(header) {
  const rest = header.slice("diff --git ".length).replace(/\r$/, "");
  if (rest.startsWith('"')) {
    const m2 = /^("(?:[^"\\]|\\.)*") ("(?:[^"\\]|\\.)*"|\S.*)$/.exec(rest);
    if (!m2) return void 0;
    return [stripPrefix(unquote(m2[1])) ?? "", stripPrefix(unquote(m2[2])) ?? ""];
  }
  const half = (rest.length - 1) / 2;
  if (Number.isInteger(half) && rest.slice(2, half) === rest.slice(half + 3)) {
    const p = rest.slice(2, half);
    return [p, p];
  }
  const m = /^a\/(.*) b\/(.*)$/.exec(rest);
  return m ? [m[1], m[2]] : void 0;
}
var ESCAPES = { n: 10, t: 9, r: 13, b: 8, f: 12, v: 11, a: 7, '"': 34, "\\": 92 };
function unquote(p) {
  if (!p.startsWith('"') || !p.endsWith('"') || p.length < 2) return p;
  const bytes = [];
  const body = p.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch !== "\\") {
      bytes.push(...Buffer.from(ch, "utf8"));
      continue;
    }
    const next = body[i + 1] ?? "";
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(ESCAPES[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

// src/core/diff/line-ranges.ts
var LineRanges = class {
  /** Flat [start, end) pairs, sorted and merged. */
  bounds;
  size;
  /** `ranges` are [start, end) pairs in any order; empty ones are dropped, overlapping ones merged. */
  constructor(ranges) {
    const sorted = ranges.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
    const bounds = [];
    let size = 0;
    for (const [start, end] of sorted) {
      const last = bounds.length - 1;
      if (last > 0 && start <= bounds[last]) {
        if (end > bounds[last]) {
          size += end - bounds[last];
          bounds[last] = end;
        }
      } else {
        bounds.push(start, end);
        size += end - start;
      }
    }
    this.bounds = bounds;
    this.size = size;
  }
  has(line) {
    const b = this.bounds;
    let lo = 0;
    let hi = b.length / 2 - 1;
    while (lo <= hi) {
      const mid = lo + hi >> 1;
      if (line < b[2 * mid]) hi = mid - 1;
      else if (line >= b[2 * mid + 1]) lo = mid + 1;
      else return true;
    }
    return false;
  }
  *[Symbol.iterator]() {
    for (let i = 0; i < this.bounds.length; i += 2) for (let n = this.bounds[i]; n < this.bounds[i + 1]; n++) yield n;
  }
};

// src/core/diff/whole-file.ts
function parseWholeFile(content) {
  return new WholeFileView(content);
}
function wholeFilePatch(content) {
  const body = content.endsWith("\n") ? content.slice(0, -1) : content;
  if (content.length === 0) return void 0;
  return `@@ -0,0 +1,${countLines(content)} @@
+${body.replaceAll("\n", "\n+")}`;
}
function patchOf(file) {
  return file.patch ?? (file.content !== void 0 ? wholeFilePatch(file.content) : void 0);
}
function countLines(content) {
  if (content.length === 0) return 0;
  let lines = content.endsWith("\n") ? 0 : 1;
  for (let at = content.indexOf("\n"); at !== -1; at = content.indexOf("\n", at + 1)) lines++;
  return lines;
}
var WholeFileView = class {
  constructor(content) {
    this.content = content;
    let text = content.endsWith("\n") ? content.slice(0, -1) : content;
    if (text.includes("\r")) text = text.replaceAll("\r\n", "\n");
    this.addedText = text.endsWith("\r") ? text.slice(0, -1) : text;
  }
  content;
  addedText;
  count;
  lineRanges;
  addedLines;
  hunkList;
  // Counted on first use: the secret scan, which reads every file, needs only `addedText`.
  get addedCount() {
    return this.count ??= countLines(this.content);
  }
  get commentable() {
    return this.lineRanges ??= { right: new LineRanges([[1, this.addedCount + 1]]), left: new LineRanges([]) };
  }
  addedLineNumber(index) {
    return index + 1;
  }
  get added() {
    this.addedLines ??= this.addedCount === 0 ? [] : this.addedText.split("\n").map((text, i) => ({ line: i + 1, text }));
    return this.addedLines;
  }
  get hunks() {
    if (this.hunkList) return this.hunkList;
    const lines = this.added.map((l) => ({ kind: "added", text: l.text, newLine: l.line }));
    this.hunkList = this.addedCount === 0 ? [] : [{ oldStart: 0, oldLines: 0, newStart: 1, newLines: this.addedCount, header: "", lines }];
    return this.hunkList;
  }
};

// src/errors.ts
var ConfigurationError = class extends Error {
  constructor(message, location, problems = location ? [{ message, location }] : []) {
    super(location ? `${location}: ${message}` : message);
    this.location = location;
    this.problems = problems;
  }
  location;
  problems;
  name = "ConfigurationError";
};

// src/adapters/git.ts
var childProcess2 = deferBuiltin("node:child_process");
var MAX_BUFFER = 256 * 1024 * 1024;
function createGit(cwd) {
  const git = (args) => new Promise((resolve) => {
    childProcess2().execFile(
      "git",
      [...args],
      { cwd, maxBuffer: MAX_BUFFER, encoding: "utf8", windowsHide: true },
      (error, stdout) => resolve({ ok: !error, stdout: String(stdout) })
    );
  });
  return {
    async diff(base, head, paths) {
      const revs = head === void 0 ? [validRev(base)] : [validRev(base), validRev(head)];
      const args = ["-c", "core.quotepath=false", "diff", "--no-color", "--no-ext-diff", "-M", ...revs];
      if (paths && paths.length > 0) args.push("--", ...paths);
      const r = await git(args);
      return r.ok ? r.stdout : void 0;
    },
    async mergeBase(a, b) {
      const r = await git(["merge-base", validRev(a), validRev(b)]);
      return r.ok ? r.stdout.trim() : void 0;
    },
    async hasRevision(rev) {
      return (await git(["cat-file", "-e", `${validRev(rev)}^{commit}`])).ok;
    },
    async show(rev, path6) {
      const r = await git(["show", `${validRev(rev)}:${path6}`]);
      return r.ok ? r.stdout : void 0;
    },
    async revParse(rev) {
      const r = await git(["rev-parse", "--verify", "--quiet", `${validRev(rev)}^{commit}`]);
      return r.ok ? r.stdout.trim() : void 0;
    },
    async isWorkTree() {
      const r = await git(["rev-parse", "--is-inside-work-tree"]);
      return r.ok && r.stdout.trim() === "true";
    },
    async emptyTree() {
      const r = await git(["hash-object", "-t", "tree", "/dev/null"]);
      return r.ok ? r.stdout.trim() : void 0;
    }
  };
}
function validRev(rev) {
  if (rev.startsWith("-") || rev.includes("\0"))
    throw new ConfigurationError(`'${rev.slice(0, 80)}' is not a valid git revision`);
  return rev;
}

// src/core/workspace-path.ts
var import_node_path = __toESM(require("node:path"), 1);
function resolveInWorkspace(workspace, file) {
  const root = import_node_path.default.resolve(workspace);
  const full = import_node_path.default.resolve(root, file);
  return full === root || full.startsWith(root + import_node_path.default.sep) ? full : void 0;
}

// src/adapters/session-changes.ts
var crypto = deferBuiltin("node:crypto");
var MAX_NEW_FILE_BYTES = 1e6;
function createSessionChanges(root, cacheDir, runCommand2) {
  const git = createGit(root);
  const stateFile = (sessionId) => import_node_path2.default.join(
    cacheDir,
    "sessions",
    `${crypto().createHash("sha256").update(sessionId).digest("hex").slice(0, 32)}.json`
  );
  return {
    async recordSessionStart(sessionId) {
      const head = await git.revParse("HEAD");
      if (head === void 0) return;
      try {
        (0, import_node_fs.mkdirSync)(import_node_path2.default.dirname(stateFile(sessionId)), { recursive: true, mode: 448 });
        (0, import_node_fs.writeFileSync)(stateFile(sessionId), JSON.stringify({ root, head }), { mode: 384 });
      } catch {
      }
    },
    async sessionChanges(sessionId) {
      let base = "HEAD";
      try {
        const start = JSON.parse((0, import_node_fs.readFileSync)(stateFile(sessionId), "utf8"));
        if (start.root === root && /^[0-9a-f]{40,64}$/.test(start.head)) base = start.head;
      } catch {
      }
      const diff = await git.diff(base, void 0);
      const tracked = diff !== void 0 ? parseGitDiff(diff) : [];
      const listed = await runCommand2(["git", "ls-files", "--others", "--exclude-standard", "-z"], {
        cwd: root,
        timeoutMs: 3e4
      });
      const untracked = listed.exitCode === 0 ? listed.stdout.split("\0").filter((p) => p !== "") : [];
      return [...tracked, ...untracked.flatMap((p) => newFile(root, p))];
    }
  };
}
function newFile(root, relative) {
  const file = resolveInWorkspace(root, relative);
  if (file === void 0) return [];
  try {
    const bytes = (0, import_node_fs.readFileSync)(file);
    if (bytes.length > MAX_NEW_FILE_BYTES || bytes.includes(0)) return [];
    const content = bytes.toString("utf8");
    return [{ path: relative, status: "added", additions: countLines(content), deletions: 0, content }];
  } catch {
    return [];
  }
}

// src/audit/envelope.ts
var crypto2 = deferBuiltin("node:crypto");
var zlib = deferBuiltin("node:zlib");
var AUDIT_KEY_ENV = "CODEX_HOOKS_AUDIT_KEY";
function encodeBatch(lines, options) {
  if (!options.key) return options.gzip ? zlib().gzipSync(lines) : Buffer.from(lines, "utf8");
  const plain = options.gzip ? zlib().gzipSync(lines) : Buffer.from(lines, "utf8");
  const iv = crypto2().randomBytes(12);
  const cipher = crypto2().createCipheriv("aes-256-gcm", options.key, iv);
  const data = Buffer.concat([cipher.update(plain), cipher.final()]);
  const envelope = {
    codex_hooks_audit: 1,
    alg: "AES-256-GCM",
    compression: options.gzip ? "gzip" : "none",
    iv: iv.toString("base64"),
    tag: cipher.getAuthTag().toString("base64"),
    data: data.toString("base64")
  };
  return Buffer.from(`${JSON.stringify(envelope)}
`, "utf8");
}
function readAuditKey(env, name = AUDIT_KEY_ENV) {
  const value = env[name]?.trim();
  if (!value) {
    throw new ConfigurationError(
      `encryption is on but ${name} is not set; set it to 32 random bytes (64 hex characters or base64), e.g. from 'openssl rand -hex 32'`
    );
  }
  const key = /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, "hex") : Buffer.from(value, "base64");
  if (key.length !== 32) {
    throw new ConfigurationError(`${name} must hold 32 bytes (64 hex characters or base64); it holds ${key.length}`);
  }
  return key;
}

// src/audit/logger-options.ts
var MB = 1024 * 1024;
var DEFAULT_ROTATE = { max_size_mb: 100, max_files: 10 };
function auditLogOptionsFor(logger, file, env) {
  const o = logger.options ?? {};
  const rotate = o.rotate && o.rotate.enabled !== false ? o.rotate : void 0;
  return {
    path: file,
    gzip: o.compression === "gzip" || logger.gzip === true,
    ...rotate ? {
      rotate: {
        maxBytes: (rotate.max_size_mb ?? DEFAULT_ROTATE.max_size_mb) * MB,
        maxFiles: rotate.max_files ?? DEFAULT_ROTATE.max_files
      }
    } : {},
    ...o.encrypt === true ? { key: readAuditKey(env, o.key_env ?? AUDIT_KEY_ENV) } : {}
  };
}
function includesMetadata(logger) {
  return logger.options?.include_metadata !== false;
}

// src/audit/writer.ts
var import_node_fs2 = require("node:fs");
var import_promises = require("node:fs/promises");
var import_node_path3 = require("node:path");
function openAuditLog(options) {
  let pending = [];
  let current = Promise.resolve();
  let scheduled;
  let size;
  const writeBatch = async (lines) => {
    const data = encodeBatch(lines.join(""), {
      gzip: options.gzip === true,
      ...options.key ? { key: options.key } : {}
    });
    size ??= await sizeOf(options.path);
    if (options.rotate && size > 0 && size + data.length > options.rotate.maxBytes) {
      await rotateFiles(options.path, options.rotate.maxFiles);
      size = 0;
    }
    await appendNoFollow(options.path, data);
    size += data.length;
  };
  const flush = () => {
    scheduled ??= current.then(async () => {
      scheduled = void 0;
      const lines = pending;
      pending = [];
      if (lines.length > 0) await writeBatch(lines);
    });
    current = scheduled;
    return scheduled;
  };
  return {
    write: (record) => {
      pending.push(`${JSON.stringify(record)}
`);
      return flush();
    },
    flush: () => flush()
  };
}
async function appendAuditRecords(options, records) {
  if (records.length === 0) return;
  const log = openAuditLog(options);
  await Promise.all(records.map((r) => log.write(r)));
}
async function sizeOf(path6) {
  try {
    return (await (0, import_promises.stat)(path6)).size;
  } catch {
    return 0;
  }
}
async function rotateFiles(path6, maxFiles) {
  await (0, import_promises.rm)(`${path6}.${maxFiles}`, { force: true });
  for (let n = maxFiles - 1; n >= 1; n--) {
    await (0, import_promises.rename)(`${path6}.${n}`, `${path6}.${n + 1}`).catch(ignoreMissing);
  }
  if (maxFiles >= 1) await (0, import_promises.rename)(path6, `${path6}.1`).catch(ignoreMissing);
  else await (0, import_promises.rm)(path6, { force: true });
}
function ignoreMissing(error) {
  if (error.code !== "ENOENT") throw error;
}
async function appendNoFollow(path6, data) {
  await (0, import_promises.mkdir)((0, import_node_path3.dirname)(path6), { recursive: true });
  const handle = await (0, import_promises.open)(
    path6,
    import_node_fs2.constants.O_WRONLY | import_node_fs2.constants.O_APPEND | import_node_fs2.constants.O_CREAT | import_node_fs2.constants.O_NOFOLLOW,
    384
  );
  try {
    await handle.write(data);
  } finally {
    await handle.close();
  }
}

// src/core/types.ts
var SEVERITIES = ["error", "warning", "notice"];

// src/core/findings/finalize.ts
var crypto3 = deferBuiltin("node:crypto");
function shortHash(...parts) {
  const h = crypto3().createHash("sha256");
  for (const p of parts) h.update(p).update("\0");
  return h.digest("hex").slice(0, 16);
}
function createFindings(drafts) {
  const seen = /* @__PURE__ */ new Map();
  const ordered = [...drafts].sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line);
  return ordered.map((d) => {
    const key = shortHash(d.ruleId, d.path, normalizeAnchor(d.anchor));
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    const fingerprint = n === 0 ? key : shortHash(key, String(n));
    return {
      ruleId: d.ruleId,
      category: d.category,
      severity: d.severity,
      path: d.path,
      line: d.line,
      endLine: d.endLine ?? d.line,
      ...d.column !== void 0 ? { column: d.column } : {},
      message: d.message,
      fingerprint,
      ...d.redacted !== void 0 ? { redacted: d.redacted } : {},
      ...d.title !== void 0 ? { title: d.title } : {},
      ...d.suggestion !== void 0 ? { suggestion: d.suggestion } : {},
      source: d.source
    };
  });
}
function normalizeAnchor(anchor) {
  return anchor.trim().replace(/\s+/g, " ");
}
function severityRank(severity) {
  return SEVERITIES.indexOf(severity);
}

// src/core/secrets/rules/define.ts
var Synth = class {
  state;
  constructor(seed) {
    let h = 2166136261;
    for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
    this.state = h >>> 0 || 1;
  }
  next() {
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state;
  }
  pick(charset, n) {
    let out = "";
    while (out.length < n) {
      const ch = charset[this.next() % charset.length];
      const prev = out.charCodeAt(out.length - 1);
      if (out.length && Math.abs(ch.charCodeAt(0) - prev) <= 1) continue;
      out += ch;
    }
    return out;
  }
  hex(n) {
    return this.pick("0123456789abcdef", n);
  }
  HEX(n) {
    return this.pick("0123456789ABCDEF", n);
  }
  alnum(n) {
    return this.pick("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", n);
  }
  lower(n) {
    return this.pick("abcdefghijklmnopqrstuvwxyz0123456789", n);
  }
  upper(n) {
    return this.pick("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", n);
  }
  letters(n) {
    return this.pick("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", n);
  }
  digits(n) {
    return this.pick("0123456789", n);
  }
  b64(n) {
    return this.pick("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", n);
  }
  b64url(n) {
    return this.pick("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-", n);
  }
  uuid() {
    return `${this.hex(8)}-${this.hex(4)}-4${this.hex(3)}-a${this.hex(3)}-${this.hex(12)}`;
  }
};
function anyCase(word) {
  return word.split("").map((ch) => {
    const lo = ch.toLowerCase();
    const up = ch.toUpperCase();
    if (lo !== up) return `[${lo}${up}]`;
    return ch.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
  }).join("");
}
var BEFORE = "(?:(?<=://)|(?<![A-Za-z0-9_+/]))";
var AFTER = "(?![A-Za-z0-9_])";
function prefixed(spec) {
  let examples;
  return {
    id: spec.id,
    provider: spec.provider,
    description: spec.description,
    keywords: spec.prefixes.map((p) => p.toLowerCase()),
    pattern: new RegExp(`${BEFORE}(${spec.token})${AFTER}`),
    secretGroup: 1,
    specificity: 3,
    ...optional(spec),
    // Generated on first use: only the tests read them, and a Codex hook loads every rule on each prompt.
    get examples() {
      return examples ??= prefixedExamples(spec);
    }
  };
}
function prefixedExamples(spec) {
  const g = new Synth(spec.id);
  const tokens = [spec.example(g)].flat();
  const first = tokens[0];
  const prefix2 = spec.prefixes.find((p) => first.toLowerCase().includes(p.toLowerCase())) ?? spec.prefixes[0];
  const at = first.toLowerCase().indexOf(prefix2.toLowerCase());
  const head = first.slice(0, at + prefix2.length);
  return {
    positive: tokens.map((t, i) => [`token: ${t}`, `export KEY="${t}"`, `{"key": "${t}"}`][i % 3]),
    negative: [
      `${head}${"x".repeat(Math.max(8, first.length - head.length))}`,
      `${head}EXAMPLE`,
      head.length + 8 < first.length ? first.slice(0, head.length + 4) : first.slice(4),
      ...spec.negative ?? []
    ]
  };
}
function named(spec) {
  const names = spec.names.map(anyCase).join("|");
  let examples;
  return {
    id: spec.id,
    provider: spec.provider,
    description: spec.description,
    keywords: spec.names.map((n) => n.toLowerCase()),
    pattern: new RegExp(
      `(?:${names})[A-Za-z0-9_.-]{0,32}["']?\\s{0,3}(?:=>|:=|=|:)\\s{0,3}["'\`]?(${spec.value})(?![A-Za-z0-9_+/=-])`
    ),
    secretGroup: 1,
    specificity: 2,
    entropy: spec.entropy ?? 2.8,
    ...optional(spec),
    get examples() {
      return examples ??= namedExamples(spec);
    }
  };
}
function namedExamples(spec) {
  const value = spec.example(new Synth(spec.id));
  const name = spec.names[0].toUpperCase().replace(/[^A-Z0-9]+/g, "_");
  return {
    positive: [`${name}_KEY=${value}`],
    negative: [
      `${name}_KEY=${value.slice(0, Math.floor(value.length / 2))}`,
      `${name}_KEY=\${${name}_KEY}`,
      `${name}_KEY: ${"x".repeat(value.length)}`,
      ...spec.negative ?? []
    ]
  };
}
function optional(spec) {
  return {
    ...spec.severity ? { severity: spec.severity } : {},
    ...spec.entropy !== void 0 ? { entropy: spec.entropy } : {},
    ...spec.validate ? { validate: spec.validate } : {},
    ...spec.placeholderFilter === false ? { placeholderFilter: false } : {},
    ...spec.window ? { window: spec.window } : {}
  };
}
var CHARSETS = {
  h: { re: "[a-f0-9]", gen: (g, n) => g.hex(n) },
  H: { re: "[A-F0-9]", gen: (g, n) => g.HEX(n) },
  l: { re: "[a-z0-9]", gen: (g, n) => g.lower(n) },
  u: { re: "[A-Z0-9]", gen: (g, n) => g.upper(n) },
  a: { re: "[A-Za-z0-9]", gen: (g, n) => g.alnum(n) },
  w: { re: "[A-Za-z0-9_-]", gen: (g, n) => g.b64url(n) },
  b: { re: "[A-Za-z0-9+/]", gen: (g, n) => g.b64(n) }
};
var UUID_RE = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
var ID_KEY = /(?:_id|Id|ID|-id|name|url|uri|host|user(?:name)?|email|region|endpoint|account)["'`]?\s{0,3}(?:=>|:=|=|:)\s{0,3}["'`]?$/;
var DIGEST_CONTEXT = /hash|sha\d|md5|digest|checksum|commit|integrity|etag|version|revision|[#@/]$/i;
var SECRET_WORD = /key|token|secret|pass|auth|cred|bearer/i;
function parseKeyedValue(v) {
  if (typeof v !== "string") return { ...v, hexLike: false, min: 0 };
  if (v === "uuid") return { re: UUID_RE, example: (g) => g.uuid(), hexLike: true, min: 36 };
  const m = /^([hHluawb])(\d+)(?:-(\d+))?$/.exec(v);
  if (!m) throw new Error(`bad keyed value ${v}`);
  const cs = CHARSETS[m[1]];
  const min = Number(m[2]);
  const max = m[3] ? Number(m[3]) : min;
  const pad = m[1] === "b" ? "={0,2}" : "";
  return {
    re: `${cs.re}{${min},${max}}${pad}`,
    example: (g) => cs.gen(g, Math.round((min + max) / 2)),
    hexLike: m[1] === "h" || m[1] === "H",
    min
  };
}
function slug(s) {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}
function keyed(row) {
  const id = row.id ?? `${slug(row.provider)}-key`;
  const v = parseKeyedValue(row.value);
  const kw = row.keywords[0];
  let examples;
  const keywords = row.keywords.map(anyCase).join("|");
  const isUuid = row.value === "uuid";
  return {
    id,
    provider: row.provider,
    description: row.description ?? `${row.provider} credential named next to its value`,
    keywords: row.keywords.map((k) => k.toLowerCase()),
    pattern: new RegExp(
      `(?:${keywords})([\\s\\S]{0,40}?)(?<![A-Za-z0-9_+/-])(${v.re})(?![A-Za-z0-9_+/-]|=[A-Za-z0-9])`
    ),
    secretGroup: 2,
    specificity: 2,
    entropy: v.min >= 24 ? 3 : 2.6,
    validate: (secret, match2) => {
      const between = match2.slice(0, match2.length - secret.length);
      if (!/[0-9]/.test(secret) || !/[A-Za-z]/.test(secret)) return false;
      if (ID_KEY.test(between)) return false;
      if (v.hexLike && DIGEST_CONTEXT.test(between)) return false;
      if (isUuid && !SECRET_WORD.test(between.slice(kw.length))) return false;
      return true;
    },
    window: { before: 0, after: 140 },
    // Generated on first use, as for `prefixed`: drawing 300 examples was a third of a Codex hook's start.
    get examples() {
      return examples ??= keyedExamples(id, kw, v);
    }
  };
}
function keyedExamples(id, kw, v) {
  const g = new Synth(id);
  let value = v.example(g);
  while (!/[0-9]/.test(value) || !/[A-Za-z]/.test(value)) value = v.example(g);
  const env = kw.toUpperCase().replace(/[^A-Z0-9]+/g, "_");
  return {
    positive: [`# ${kw} token: "${value}"`, `{"${kw}": {"key": "${value}"}}`],
    negative: [
      `${env}_API_KEY=${value.slice(0, Math.max(4, v.min - 1))}`,
      `${env}_API_KEY=${"x".repeat(value.length)}`,
      `${kw}
${"#".repeat(50)}
${value}`,
      ...v.hexLike ? [`${kw} commit ${value}`] : []
    ]
  };
}

// src/core/secrets/rules/ai.ts
var AI_RULES = [
  prefixed({
    id: "openai-api-key",
    provider: "OpenAI",
    description: "OpenAI API key (contains the T3BlbkFJ marker)",
    prefixes: ["t3blbkfj"],
    token: "sk-(?:(?:proj|svcacct|admin|None)-)?[A-Za-z0-9_-]{20,156}T3BlbkFJ[A-Za-z0-9_-]{20,156}",
    example: (g) => [
      "sk-proj-" + g.b64url(74) + "T3BlbkFJ" + g.b64url(74),
      "sk-" + g.alnum(20) + "T3BlbkFJ" + g.alnum(20)
    ],
    window: { before: 180, after: 180 }
  }),
  prefixed({
    id: "anthropic-api-key",
    provider: "Anthropic",
    description: "Anthropic API or admin key",
    prefixes: ["sk-ant-"],
    token: "sk-ant-(?:api|admin)[0-9]{2}-[A-Za-z0-9_-]{80,100}",
    example: (g) => "sk-ant-api03-" + g.b64url(93) + "AA"
  }),
  prefixed({
    id: "huggingface-token",
    provider: "Hugging Face",
    description: "Hugging Face user or organization token",
    prefixes: ["hf_", "api_org_"],
    token: "(?:hf_|api_org_)[A-Za-z]{34}",
    example: (g) => "hf_" + g.letters(34)
  }),
  named({
    id: "cohere-api-key",
    provider: "Cohere",
    description: "Cohere API key",
    names: ["cohere", "co_api_key"],
    value: "[A-Za-z0-9]{40}",
    entropy: 4,
    example: (g) => g.alnum(40)
  }),
  prefixed({
    id: "replicate-api-token",
    provider: "Replicate",
    description: "Replicate API token",
    prefixes: ["r8_"],
    token: "r8_[A-Za-z0-9]{37}",
    example: (g) => "r8_" + g.alnum(37)
  }),
  prefixed({
    id: "groq-api-key",
    provider: "Groq",
    description: "Groq API key",
    prefixes: ["gsk_"],
    token: "gsk_[A-Za-z0-9]{52}",
    example: (g) => "gsk_" + g.alnum(52)
  }),
  prefixed({
    id: "perplexity-api-key",
    provider: "Perplexity",
    description: "Perplexity API key",
    prefixes: ["pplx-"],
    token: "pplx-[A-Za-z0-9]{48}",
    example: (g) => "pplx-" + g.alnum(48)
  }),
  prefixed({
    id: "xai-api-key",
    provider: "xAI",
    description: "xAI (Grok) API key",
    prefixes: ["xai-"],
    token: "xai-[A-Za-z0-9]{80}",
    example: (g) => "xai-" + g.alnum(80)
  }),
  prefixed({
    id: "openrouter-api-key",
    provider: "OpenRouter",
    description: "OpenRouter API key",
    prefixes: ["sk-or-v1-"],
    token: "sk-or-v1-[a-f0-9]{64}",
    example: (g) => "sk-or-v1-" + g.hex(64)
  }),
  prefixed({
    id: "langsmith-api-key",
    provider: "LangChain",
    description: "LangSmith API key",
    prefixes: ["lsv2_"],
    token: "lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}",
    example: (g) => "lsv2_pt_" + g.hex(32) + "_" + g.hex(10)
  }),
  prefixed({
    id: "pinecone-api-key",
    provider: "Pinecone",
    description: "Pinecone API key",
    prefixes: ["pcsk_"],
    token: "pcsk_[A-Za-z0-9]{4,8}_[A-Za-z0-9]{60,72}",
    example: (g) => "pcsk_" + g.alnum(6) + "_" + g.alnum(65)
  }),
  named({
    id: "mistral-api-key",
    provider: "Mistral AI",
    description: "Mistral AI API key",
    names: ["mistral"],
    value: "[A-Za-z0-9]{32}",
    entropy: 4,
    example: (g) => g.alnum(32)
  }),
  named({
    id: "deepseek-api-key",
    provider: "DeepSeek",
    description: "DeepSeek API key",
    names: ["deepseek"],
    value: "sk-[a-f0-9]{32}",
    example: (g) => "sk-" + g.hex(32)
  }),
  named({
    id: "together-api-key",
    provider: "Together AI",
    description: "Together AI API key",
    names: ["together_api", "togetherai"],
    value: "(?:tgp_v1_[A-Za-z0-9_-]{43}|[a-f0-9]{64})",
    example: (g) => g.hex(64)
  }),
  named({
    id: "elevenlabs-api-key",
    provider: "ElevenLabs",
    description: "ElevenLabs API key",
    names: ["elevenlabs", "xi_api_key", "xi-api-key"],
    value: "(?:sk_)?[a-f0-9]{32,48}",
    example: (g) => "sk_" + g.hex(48)
  }),
  named({
    id: "assemblyai-api-key",
    provider: "AssemblyAI",
    description: "AssemblyAI API key",
    names: ["assemblyai", "assembly_ai"],
    value: "[a-f0-9]{32}",
    example: (g) => g.hex(32)
  }),
  named({
    id: "stability-api-key",
    provider: "Stability AI",
    description: "Stability AI API key",
    names: ["stability"],
    value: "sk-[A-Za-z0-9]{48}",
    example: (g) => "sk-" + g.alnum(48)
  }),
  named({
    id: "fireworks-api-key",
    provider: "Fireworks AI",
    description: "Fireworks AI API key",
    names: ["fireworks"],
    value: "fw_[A-Za-z0-9]{24}",
    example: (g) => "fw_" + g.alnum(24)
  }),
  named({
    id: "weights-and-biases-key",
    provider: "Weights & Biases",
    description: "Weights & Biases API key",
    names: ["wandb"],
    value: "[a-f0-9]{40}",
    example: (g) => g.hex(40)
  }),
  prefixed({
    id: "tavily-api-key",
    provider: "Tavily",
    description: "Tavily API key",
    prefixes: ["tvly-"],
    token: "tvly-(?:dev-|prod-)?[A-Za-z0-9]{32}",
    example: (g) => "tvly-dev-" + g.alnum(32)
  })
];

// src/core/secrets/rules/cloud.ts
var CLOUD_RULES = [
  prefixed({
    id: "aws-access-key-id",
    provider: "AWS",
    description: "AWS access key ID",
    prefixes: ["akia", "asia", "abia", "acca"],
    // IAM unique-ID prefixes that name a credential: AKIA access key, ASIA temporary (STS) key, ABIA STS
    // bearer token, ACCA context-specific credential. AIDA (user), AROA (role), AGPA (group) and the other
    // prefixes name entities, not credentials. The 16 characters after the prefix are base32 (A-Z, 2-7).
    token: "(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}",
    example: (g) => "AKIA" + g.pick("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16),
    negative: ["AKIAIOSFODNN7EXAMPLE", "AKIA1234", "UserId: AIDAJQABLZS4A3QDU576Q"]
  }),
  {
    id: "aws-secret-access-key",
    provider: "AWS",
    description: "AWS secret access key",
    keywords: ["aws_secret", "aws-secret", "secret_access_key", "secretaccesskey", "aws_secret_access_key"],
    pattern: new RegExp(
      `(?:${["aws_secret", "aws-secret", "secret_access_key", "secretaccesskey"].map(anyCase).join("|")})[A-Za-z0-9_.-]{0,24}["']?\\s{0,3}(?:=>|:=|=|:)\\s{0,3}["'\`]?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])`
    ),
    secretGroup: 1,
    entropy: 4,
    specificity: 2,
    examples: {
      positive: ["aws_secret_access_key = q7Rk2Lm9Vw3ZpT6yBn4HcD7sE1aGu5Kio8Nf0Jh2"],
      negative: [
        "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "aws_secret_access_key = ${AWS_SECRET}"
      ]
    }
  },
  prefixed({
    id: "gcp-api-key",
    provider: "Google Cloud",
    description: "Google API key",
    prefixes: ["aiza"],
    token: "AIza[A-Za-z0-9_-]{35}",
    example: (g) => "AIza" + g.b64url(35)
  }),
  {
    id: "gcp-service-account-key",
    provider: "Google Cloud",
    description: "Google Cloud service account key (JSON key file: private_key_id then private_key)",
    keywords: ["private_key_id"],
    // The key ID (40 hex) is an identifier that the console and `gcloud iam service-accounts keys list` show;
    // it is reported only when the private key follows it, as in the key files Google generates.
    pattern: /"private_key_id"\s{0,3}:\s{0,3}"([a-f0-9]{40})"\s{0,3},\s{0,40}"private_key"\s{0,3}:\s{0,3}"-----BEGIN /,
    secretGroup: 1,
    entropy: 3.2,
    specificity: 2,
    examples: {
      positive: [
        `{"type": "service_account", "private_key_id": "3f9a1c7e5b2d8a4f6c0e9b1d7a3f5c8e2b6d4a0f",
  "private_key": "-----BEGIN PRIVATE KEY-----\\n${new Synth("gcp-service-account-key").b64(64)}\\n-----END PRIVATE KEY-----\\n"}`
      ],
      negative: [
        '{"private_key_id": "abc"}',
        '{"type": "service_account", "private_key_id": "3f9a1c7e5b2d8a4f6c0e9b1d7a3f5c8e2b6d4a0f", "private_key": "<redacted>"}'
      ]
    }
  },
  prefixed({
    id: "gcp-oauth-client-secret",
    provider: "Google Cloud",
    description: "Google OAuth client secret",
    prefixes: ["gocspx-"],
    token: "GOCSPX-[A-Za-z0-9_-]{28}",
    example: (g) => "GOCSPX-" + g.b64url(28)
  }),
  prefixed({
    id: "gcp-oauth-access-token",
    provider: "Google Cloud",
    description: "Google OAuth access token",
    prefixes: ["ya29."],
    // Google: access tokens are up to 2048 bytes. Service-account tokens carry one more dotted part
    // (`ya29.c.…`); a trailing run of `.` padding, when present, is not part of the match.
    token: "ya29\\.(?:[A-Za-z]\\.)?[A-Za-z0-9_-]{40,2043}",
    example: (g) => ["ya29." + g.b64url(120), "ya29.c." + g.b64url(1e3)],
    window: { before: 20, after: 2100 }
  }),
  {
    id: "azure-storage-account-key",
    provider: "Microsoft Azure",
    description: "Azure storage account key in a connection string",
    keywords: ["accountkey="],
    pattern: /[Aa]ccount[Kk]ey=([A-Za-z0-9+/]{86}==)/,
    secretGroup: 1,
    entropy: 4.5,
    specificity: 3,
    examples: {
      positive: [
        `DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=${new Synth("azure-storage").b64(86)}==;EndpointSuffix=core.windows.net`
      ],
      negative: [
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==".replace(
          /[A-Za-z]/g,
          "x"
        )
      ]
    }
  },
  prefixed({
    id: "azure-service-bus-key",
    provider: "Microsoft Azure",
    description: "Azure Service Bus / Event Hubs shared access key",
    prefixes: ["sharedaccesskey="],
    token: "SharedAccessKey=[A-Za-z0-9+/]{43}=",
    example: (g) => "SharedAccessKey=" + g.b64(43) + "="
  }),
  {
    id: "azure-ad-client-secret",
    provider: "Microsoft Entra ID",
    description: "Azure AD / Entra ID application client secret",
    keywords: ["q~"],
    pattern: /(?<![A-Za-z0-9_~.-])([A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34})(?![A-Za-z0-9_~.-])/,
    secretGroup: 1,
    entropy: 3.5,
    specificity: 3,
    examples: {
      positive: ["AZURE_CLIENT_SECRET=Xa38Q~kT2mZp9LwVb7Rc1Qn5Hd8Gf3Js6Ye0Ua4"],
      negative: ["path ~/Q~ab"]
    }
  },
  named({
    id: "azure-devops-pat",
    provider: "Azure DevOps",
    description: "Azure DevOps personal access token",
    names: ["azure_devops", "ado_pat", "azdo", "system_accesstoken"],
    value: "[a-z2-7]{52}",
    example: (g) => g.pick("abcdefghijklmnopqrstuvwxyz234567", 52)
  }),
  prefixed({
    id: "alibaba-access-key-id",
    provider: "Alibaba Cloud",
    description: "Alibaba Cloud AccessKey ID",
    prefixes: ["ltai"],
    token: "LTAI[A-Za-z0-9]{12,20}",
    example: (g) => "LTAI" + g.alnum(20)
  }),
  named({
    id: "alibaba-access-key-secret",
    provider: "Alibaba Cloud",
    description: "Alibaba Cloud AccessKey secret",
    names: ["alibaba", "aliyun", "alicloud"],
    value: "[A-Za-z0-9]{30}",
    entropy: 3.8,
    example: (g) => g.alnum(30)
  }),
  named({
    id: "ibm-cloud-api-key",
    provider: "IBM Cloud",
    description: "IBM Cloud IAM API key",
    names: ["ibm_cloud", "ibmcloud", "ibm_api", "ibm-cloud", "ic_api_key", "iam_apikey"],
    value: "[A-Za-z0-9_-]{44}",
    entropy: 4,
    example: (g) => g.b64url(44)
  }),
  prefixed({
    id: "tencent-secret-id",
    provider: "Tencent Cloud",
    description: "Tencent Cloud SecretId",
    prefixes: ["akid"],
    token: "AKID[A-Za-z0-9]{32}",
    example: (g) => "AKID" + g.alnum(32)
  }),
  prefixed({
    id: "digitalocean-token",
    provider: "DigitalOcean",
    description: "DigitalOcean personal, OAuth or refresh token",
    prefixes: ["dop_v1_", "doo_v1_", "dor_v1_"],
    token: "do[por]_v1_[a-f0-9]{64}",
    example: (g) => "dop_v1_" + g.hex(64)
  }),
  prefixed({
    id: "heroku-api-key",
    provider: "Heroku",
    description: "Heroku platform API key",
    prefixes: ["hrku-"],
    token: "HRKU-[A-Za-z0-9_-]{60}",
    example: (g) => "HRKU-AA" + g.b64url(58)
  }),
  named({
    id: "heroku-legacy-api-key",
    provider: "Heroku",
    description: "Heroku legacy API key (UUID next to a Heroku name)",
    names: ["heroku"],
    value: "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
    example: (g) => g.uuid()
  }),
  prefixed({
    id: "flyio-token",
    provider: "Fly.io",
    description: "Fly.io access token",
    prefixes: ["fo1_", "fm1r_", "fm1a_", "fm2_"],
    token: "(?:fo1_[A-Za-z0-9_-]{43}|fm[12][ar]?_[A-Za-z0-9+/_=-]{100,800})",
    example: (g) => "fo1_" + g.b64url(43),
    window: { before: 20, after: 900 }
  }),
  prefixed({
    id: "vercel-token",
    provider: "Vercel",
    description: "Vercel access token (prefixed format)",
    prefixes: ["vcp_", "vci_", "vca_", "vcr_", "vck_"],
    // Prefixes from Vercel's changelog ("new token formats"); the length is not published, so a range.
    token: "vc[piark]_[A-Za-z0-9]{24,64}",
    entropy: 3.5,
    validate: (s) => /[0-9]/.test(s),
    example: (g) => ["vcp_" + g.alnum(56), "vca_" + g.alnum(40)],
    negative: ["vcp_localeDisplayNameForRegion"]
  }),
  named({
    id: "vercel-legacy-token",
    provider: "Vercel",
    description: "Vercel token next to a Vercel name",
    names: ["vercel"],
    value: "[A-Za-z0-9]{24}",
    entropy: 3.8,
    example: (g) => g.alnum(24)
  }),
  prefixed({
    id: "netlify-token",
    provider: "Netlify",
    description: "Netlify access token",
    prefixes: ["nfp_", "nfc_", "nfo_", "nfu_", "nfb_"],
    token: "nf[pcoub]_[A-Za-z0-9]{36}",
    example: (g) => "nfp_" + g.alnum(36)
  }),
  named({
    id: "cloudflare-api-token",
    provider: "Cloudflare",
    description: "Cloudflare API token or global API key",
    names: ["cloudflare", "cf_api", "cf_auth"],
    value: "(?:[A-Za-z0-9_-]{40}|[a-f0-9]{37})",
    entropy: 3.5,
    example: (g) => g.b64url(40)
  }),
  prefixed({
    id: "cloudflare-origin-ca-key",
    provider: "Cloudflare",
    description: "Cloudflare Origin CA key",
    prefixes: ["v1.0-"],
    token: "v1\\.0-[a-f0-9]{24}-[a-f0-9]{146}",
    example: (g) => "v1.0-" + g.hex(24) + "-" + g.hex(146)
  }),
  named({
    id: "linode-token",
    provider: "Linode",
    description: "Linode (Akamai) API token",
    names: ["linode"],
    value: "[a-f0-9]{64}",
    example: (g) => g.hex(64)
  }),
  named({
    id: "vultr-api-key",
    provider: "Vultr",
    description: "Vultr API key",
    names: ["vultr"],
    value: "[A-Z0-9]{36}",
    entropy: 3.8,
    example: (g) => g.upper(36)
  }),
  named({
    id: "hetzner-token",
    provider: "Hetzner",
    description: "Hetzner Cloud API token",
    names: ["hcloud", "hetzner"],
    value: "[A-Za-z0-9]{64}",
    entropy: 4,
    example: (g) => g.alnum(64)
  }),
  named({
    id: "scaleway-secret-key",
    provider: "Scaleway",
    description: "Scaleway secret key",
    names: ["scaleway", "scw_secret"],
    value: "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
    example: (g) => g.uuid()
  }),
  named({
    id: "oracle-cloud-key",
    provider: "Oracle Cloud",
    description: "Oracle Cloud auth token next to an OCI name",
    names: ["oci_auth", "oracle_cloud", "oci_api"],
    value: "[A-Za-z0-9+/:;.()<>{}_-]{20}",
    entropy: 3.8,
    example: (g) => g.alnum(20)
  }),
  prefixed({
    id: "render-api-key",
    provider: "Render",
    description: "Render API key",
    prefixes: ["rnd_"],
    token: "rnd_[A-Za-z0-9]{32}",
    example: (g) => "rnd_" + g.alnum(32)
  }),
  named({
    id: "railway-token",
    provider: "Railway",
    description: "Railway API token",
    names: ["railway_token", "railway_api"],
    value: "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
    example: (g) => g.uuid()
  }),
  prefixed({
    id: "deno-deploy-token",
    provider: "Deno Deploy",
    description: "Deno Deploy access token",
    prefixes: ["ddp_", "ddw_"],
    token: "dd[pw]_[A-Za-z0-9]{36}",
    example: (g) => "ddp_" + g.alnum(36)
  }),
  named({
    id: "upstash-token",
    provider: "Upstash",
    description: "Upstash REST token",
    names: ["upstash"],
    value: "[A-Za-z0-9_=-]{60,100}",
    entropy: 4,
    example: (g) => "AX" + g.b64url(70)
  }),
  keyed({
    id: "azure-storage-key-named",
    provider: "Microsoft Azure",
    description: "Azure storage account or Cosmos DB key named by its service, outside a connection string",
    keywords: [
      "azure_storage",
      "azurestorage",
      "storage_account",
      "storageaccount",
      "storage-account",
      "cosmos",
      "blob_key",
      "primarykey",
      "primary_key"
    ],
    value: { re: "[A-Za-z0-9+/]{86}==", example: (g) => g.b64(86) + "==" }
  }),
  {
    id: "azure-sas-token",
    provider: "Microsoft Azure",
    description: "Azure shared access signature (sig=) with its service version and expiry",
    keywords: ["sig="],
    // A SAS is a query string: `sig=` after a service version, expiry or permission field of the same query.
    pattern: /[?&;=](?:sv|se|sp|sr|st|spr|srt|ss)=[^\s"'<>?]{1,300}?&sig=([A-Za-z0-9%+/]{40,120}(?:%3[Dd]|=){0,2})(?![A-Za-z0-9%+/=])/,
    secretGroup: 1,
    entropy: 4,
    specificity: 3,
    window: { before: 420, after: 540 },
    examples: {
      positive: [
        `https://acme.blob.core.windows.net/backups?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2026-12-31T00:00:00Z&spr=https&sig=${new Synth("azure-sas").b64(43)}%3D`,
        `BlobEndpoint=https://acme.blob.core.windows.net/;SharedAccessSignature=sv=2021-08-06&se=2026-01-01&sig=${new Synth("azure-sas2").b64(43)}%3D`
      ],
      negative: [
        "https://acme.blob.core.windows.net/c?sv=2022-11-02&sig=<signature>",
        'const q = "?sig=" + signature + "&sv=2022-11-02";'
      ]
    }
  },
  {
    id: "azure-entra-refresh-token",
    provider: "Microsoft Entra ID",
    description: "Microsoft Entra ID (Azure AD) refresh token",
    keywords: ["refresh_token", "refreshtoken", "refresh-token"],
    pattern: /refresh[_-]?token["']?\s{0,3}[:=]\s{0,3}["']?(0\.A[A-Za-z0-9_.*-]{100,6000})/i,
    secretGroup: 1,
    entropy: 4,
    specificity: 3,
    window: { before: 10, after: 6200 },
    examples: {
      positive: [`"refresh_token": "0.AXoA${new Synth("entra-rt").b64url(300)}.${new Synth("entra-rt2").b64url(80)}"`],
      negative: ['"refresh_token": "0.AXoA..."']
    }
  },
  keyed({
    id: "azure-openai-key",
    provider: "Microsoft Azure",
    description: "Azure OpenAI / AI services (Cognitive Services) / AI Search key",
    keywords: [
      "azure_openai",
      "azureopenai",
      "azure-openai",
      "openai.azure.com",
      "cognitive",
      "ocp-apim-subscription-key",
      "azure_ai",
      "azure_search",
      "search.windows.net",
      "api-key"
    ],
    value: { re: "(?:[a-f0-9]{32}|[A-Za-z0-9]{52}|[A-Za-z0-9]{84})", example: (g) => g.hex(32) }
  }),
  prefixed({
    id: "azure-container-registry-password",
    provider: "Microsoft Azure",
    description: "Azure Container Registry password or token (+ACR marker)",
    prefixes: ["+acr"],
    token: "[A-Za-z0-9+/]{42}\\+ACR[A-Za-z0-9]{6}",
    example: (g) => g.b64(42) + "+ACR" + g.alnum(6)
  }),
  {
    id: "azure-redis-connection-string",
    provider: "Microsoft Azure",
    description: "Azure Cache for Redis connection string with its access key",
    keywords: ["redis.cache.windows.net", "redis.azure.net"],
    pattern: /\.redis\.(?:cache\.windows|azure)\.net(?::\d{2,5})?,[^\n"']{0,80}?password=([A-Za-z0-9+/]{43}=)/i,
    secretGroup: 1,
    entropy: 4,
    specificity: 3,
    window: { before: 80, after: 200 },
    examples: {
      positive: [
        `REDIS=acme.redis.cache.windows.net:6380,password=${new Synth("azure-redis").b64(43)}=,ssl=True,abortConnect=False`
      ],
      negative: ["acme.redis.cache.windows.net:6380,password=<access-key>,ssl=True"]
    }
  },
  prefixed({
    id: "cloudflare-prefixed-token",
    provider: "Cloudflare",
    description: "Cloudflare user/account API token or API key with the cfut_/cfat_/cfk_ prefix",
    prefixes: ["cfut_", "cfat_", "cfk_"],
    token: "cf(?:ut|at|k)_[A-Za-z0-9]{40}[a-f0-9]{8}",
    entropy: 3.8,
    example: (g) => "cfut_" + g.alnum(40) + g.hex(8)
  })
];

// src/core/secrets/checksum.ts
var BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
var CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 3988292384 ^ c >>> 1 : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();
function crc32(text) {
  let crc = 4294967295;
  for (let i = 0; i < text.length; i++) crc = CRC_TABLE[(crc ^ text.charCodeAt(i)) & 255] ^ crc >>> 8;
  return (crc ^ 4294967295) >>> 0;
}
function encodeBase62(value, width) {
  let out = "";
  let n = value;
  while (n > 0) {
    out = BASE62[n % 62] + out;
    n = Math.floor(n / 62);
  }
  return out.padStart(width, "0");
}
function hasValidBase62Checksum(token) {
  const underscore = token.indexOf("_");
  const body = token.slice(underscore + 1);
  if (body.length !== 36) return false;
  return encodeBase62(crc32(body.slice(0, 30)), 6) === body.slice(30);
}
function withBase62Checksum(prefix2, body30) {
  return prefix2 + body30 + encodeBase62(crc32(body30), 6);
}
function hasValidHexCrc32Suffix(token) {
  const suffix = token.slice(-8);
  if (!/^[0-9A-Fa-f]{8}$/.test(suffix)) return false;
  return crc32(token.slice(0, -8)) === parseInt(suffix, 16);
}
function withHexCrc32Suffix(head) {
  return head + crc32(head).toString(16).toUpperCase().padStart(8, "0");
}

// src/core/access-token.ts
var ACCESS_TOKEN_PREFIX = "cdxhk_";
var BODY_LENGTH = 43;
function isWellFormedAccessToken(token) {
  if (!token.startsWith(ACCESS_TOKEN_PREFIX)) return false;
  const rest = token.slice(ACCESS_TOKEN_PREFIX.length);
  if (!/^[0-9A-Za-z]{49}$/.test(rest)) return false;
  return encodeBase62(crc32(rest.slice(0, BODY_LENGTH)), 6) === rest.slice(BODY_LENGTH);
}
function withAccessTokenChecksum(body43) {
  return `${ACCESS_TOKEN_PREFIX}${body43}${encodeBase62(crc32(body43), 6)}`;
}

// src/core/secrets/rules/code-hosting.ts
var CODE_HOSTING_RULES = [
  prefixed({
    id: "github-token",
    provider: "GitHub",
    description: "GitHub personal, OAuth, app or refresh token (CRC32-checked)",
    prefixes: ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"],
    token: "gh[pousr]_[A-Za-z0-9]{36}",
    // The last 6 characters are the base62 CRC32 of the 30-character body (GitHub's 2021 format).
    validate: hasValidBase62Checksum,
    example: (g) => [withBase62Checksum("ghp_", g.alnum(30)), withBase62Checksum("ghs_", g.alnum(30))],
    negative: ["ghp_R8fJk2LmQ9vXw3ZpT6yBn4HcD7sE1aGu5Kio", "ghp_short"]
  }),
  prefixed({
    id: "codex-hooks-access-token",
    provider: "codex-hooks",
    description: "codex-hooks endpoint access token (CRC32-checked)",
    prefixes: ["cdxhk_"],
    token: "cdxhk_[A-Za-z0-9]{49}",
    // Issued by `codex-hooks token create`: 43 base62 characters of 256 random bits, then their CRC32 in base62.
    validate: isWellFormedAccessToken,
    example: (g) => [withAccessTokenChecksum(g.alnum(43)), withAccessTokenChecksum(g.alnum(43))],
    negative: ["cdxhk_R8fJk2LmQ9vXw3ZpT6yBn4HcD7sE1aGu5KioR8fJk2LmQ9vXw3Z"]
  }),
  prefixed({
    id: "github-fine-grained-pat",
    provider: "GitHub",
    description: "GitHub fine-grained personal access token",
    prefixes: ["github_pat_"],
    token: "github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}",
    example: (g) => `github_pat_11${g.alnum(20)}_${g.alnum(59)}`
  }),
  prefixed({
    id: "gitlab-token",
    provider: "GitLab",
    description: "GitLab personal, project, group, deploy, runner, trigger, feed, OAuth or agent token",
    prefixes: [
      "glpat-",
      "gldt-",
      "glrt-",
      "glcbt-",
      "glptt-",
      "glft-",
      "glimt-",
      "gloas-",
      "glsoat-",
      "glffct-",
      "glagent-",
      "glrtr-"
    ],
    token: (
      // Routable tokens (GitLab's routable-token design and its own detection rules): a 27-300 character
      // payload, then `.<version>` (optional) and `.<length><crc32>` in base36. Trigger tokens are 40
      // characters, OAuth application secrets 64, CI job tokens carry an optional `<partition>_`.
      "(?:glpat|gldt|glrt|glrtr|glft|glsoat|glffct|glagent)-[A-Za-z0-9_-]{20,300}(?:\\.[0-9a-z]{2})?(?:\\.[0-9a-z]{9})?|gloas-[A-Za-z0-9_-]{64}|glptt-[A-Za-z0-9_-]{40}|glcbt-(?:[A-Za-z0-9]{1,5}_)?[A-Za-z0-9_-]{20}|glimt-[A-Za-z0-9_-]{25}"
    ),
    entropy: 3.3,
    example: (g) => [
      "glpat-" + g.b64url(20),
      "glptt-" + g.hex(40),
      "glrt-" + g.b64url(20),
      "glpat-" + g.b64url(40) + ".01." + g.lower(9),
      "glcbt-" + g.b64url(20),
      "glptt-" + g.b64url(40)
    ],
    negative: ["gloas-Zq8vT3mW9kLpR4nB6yC1hJ5sD0fG3aK9eU7i"],
    window: { before: 20, after: 340 }
  }),
  prefixed({
    id: "gitlab-runner-registration-token",
    provider: "GitLab",
    description: "GitLab runner registration token (legacy)",
    prefixes: ["gr1348941"],
    token: "GR1348941[A-Za-z0-9_-]{20}",
    example: (g) => "GR1348941" + g.b64url(20)
  }),
  prefixed({
    id: "bitbucket-app-password",
    provider: "Bitbucket",
    description: "Bitbucket app password or access token",
    prefixes: ["atbb", "atctt3"],
    token: "(?:ATBB[A-Za-z0-9]{32}[A-F0-9]{8}|ATCTT3xFfGN0[A-Za-z0-9_=-]{170,220})",
    example: (g) => "ATBB" + g.alnum(32) + g.HEX(8),
    window: { before: 20, after: 260 }
  }),
  named({
    id: "bitbucket-client-secret",
    provider: "Bitbucket",
    description: "Bitbucket OAuth consumer secret",
    names: ["bitbucket"],
    value: "[A-Za-z0-9_=-]{32,64}",
    entropy: 4,
    example: (g) => g.b64url(32)
  }),
  prefixed({
    id: "atlassian-api-token",
    provider: "Atlassian",
    description: "Atlassian (Jira, Confluence) API token (CRC32-checked)",
    prefixes: ["atatt3"],
    // `ATATT3` + base64url payload + `=` + 8 hex digits, the CRC32 of everything before them. Atlassian
    // gives no length ("varied length" since 18 Jan 2023; published samples are 192 characters), so the
    // payload is a range and the checksum does the filtering.
    token: "ATATT3[A-Za-z0-9_-]{100,300}=[0-9A-Fa-f]{8}",
    validate: hasValidHexCrc32Suffix,
    example: (g) => withHexCrc32Suffix("ATATT3xFfGF0" + g.b64url(171) + "="),
    window: { before: 20, after: 330 },
    negative: [
      // Well-formed but with a checksum that does not match (a made-up token).
      "ATATT3xFfGF0" + new Synth("atlassian-api-token-negative").b64url(171) + "=3A6F91C4"
    ]
  }),
  named({
    id: "atlassian-legacy-api-token",
    provider: "Atlassian",
    description: "Atlassian API token next to a Jira or Confluence name",
    names: ["jira", "confluence", "atlassian"],
    // Pre-2023 tokens: 24 characters, the last 4 hex (part of a hash of the first 20).
    value: "[A-Za-z0-9]{20}[A-Fa-f0-9]{4}",
    entropy: 3.8,
    example: (g) => g.alnum(20) + g.HEX(4),
    negative: ["JIRA_API_TOKEN=HqUX9T5iuk7hqSIwfiSvlXnd"]
  }),
  prefixed({
    id: "gitea-token",
    provider: "Gitea",
    description: "Gitea access token next to a Gitea name",
    prefixes: ["gitea"],
    token: `(?:GITEA|gitea)[A-Za-z0-9_]{0,20}["']?\\s{0,3}[=:]\\s{0,3}["']?[a-f0-9]{40}`,
    example: (g) => "GITEA_TOKEN=" + g.hex(40)
  }),
  prefixed({
    id: "circleci-token",
    provider: "CircleCI",
    description: "CircleCI personal or project API token",
    prefixes: ["ccipat_", "cciprj_"],
    token: "CCI(?:PAT|PRJ)_[A-Za-z0-9]{22}_[a-f0-9]{40}",
    example: (g) => "CCIPAT_" + g.alnum(22) + "_" + g.hex(40)
  }),
  prefixed({
    id: "buildkite-token",
    provider: "Buildkite",
    description: "Buildkite API access token",
    prefixes: ["bkua_"],
    token: "bkua_[a-f0-9]{40}",
    example: (g) => "bkua_" + g.hex(40)
  }),
  named({
    id: "travis-ci-token",
    provider: "Travis CI",
    description: "Travis CI API token",
    names: ["travis"],
    value: "[A-Za-z0-9_-]{22}",
    entropy: 3.8,
    example: (g) => g.b64url(22)
  }),
  named({
    id: "codecov-token",
    provider: "Codecov",
    description: "Codecov upload token",
    names: ["codecov"],
    value: "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
    example: (g) => g.uuid()
  }),
  prefixed({
    id: "sonar-token",
    provider: "SonarSource",
    description: "SonarQube / SonarCloud token",
    prefixes: ["sqp_", "squ_", "sqa_"],
    token: "sq[pua]_[a-f0-9]{40}",
    example: (g) => "sqp_" + g.hex(40)
  }),
  prefixed({
    id: "sourcegraph-token",
    provider: "Sourcegraph",
    description: "Sourcegraph access token",
    prefixes: ["sgp_"],
    token: "sgp_(?:[a-f0-9]{16}_)?[a-f0-9]{40}",
    example: (g) => "sgp_" + g.hex(16) + "_" + g.hex(40)
  }),
  prefixed({
    id: "harness-token",
    provider: "Harness",
    description: "Harness personal or service account token",
    prefixes: ["pat.", "sat."],
    token: "(?:pat|sat)\\.[A-Za-z0-9_-]{22}\\.[a-f0-9]{24}\\.[A-Za-z0-9]{20}",
    example: (g) => "pat." + g.b64url(22) + "." + g.hex(24) + "." + g.alnum(20)
  }),
  prefixed({
    id: "octopus-deploy-api-key",
    provider: "Octopus Deploy",
    description: "Octopus Deploy API key",
    prefixes: ["api-"],
    token: "API-[A-Z0-9]{26}",
    entropy: 3.5,
    example: (g) => "API-" + g.upper(26)
  }),
  named({
    id: "snyk-token",
    provider: "Snyk",
    description: "Snyk API token",
    names: ["snyk"],
    value: "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
    example: (g) => g.uuid()
  }),
  prefixed({
    id: "jenkins-api-token",
    provider: "Jenkins",
    description: "Jenkins API token next to a Jenkins name",
    prefixes: ["jenkins"],
    token: `(?:JENKINS|jenkins)[A-Za-z0-9_]{0,20}["']?\\s{0,3}[=:]\\s{0,3}["']?11[a-f0-9]{32}`,
    example: (g) => "JENKINS_API_TOKEN=11" + g.hex(32)
  }),
  named({
    id: "drone-ci-token",
    provider: "Drone CI",
    description: "Drone CI access token",
    names: ["drone_token", "drone-token"],
    value: "[A-Za-z0-9]{32}",
    entropy: 3.8,
    example: (g) => g.alnum(32)
  }),
  prefixed({
    id: "postman-api-key",
    provider: "Postman",
    description: "Postman API key",
    prefixes: ["pmak-"],
    token: "PMAK-[a-f0-9]{24}-[a-f0-9]{34}",
    example: (g) => "PMAK-" + g.hex(24) + "-" + g.hex(34)
  }),
  prefixed({
    id: "readme-api-key",
    provider: "ReadMe",
    description: "ReadMe API key",
    prefixes: ["rdme_"],
    token: "rdme_[a-z0-9]{70}",
    example: (g) => "rdme_" + g.lower(70)
  }),
  prefixed({
    id: "infracost-api-key",
    provider: "Infracost",
    description: "Infracost API key",
    prefixes: ["ico-"],
    token: "ico-[A-Za-z0-9]{32}",
    example: (g) => "ico-" + g.alnum(32)
  }),
  prefixed({
    id: "prefect-api-key",
    provider: "Prefect",
    description: "Prefect Cloud API key",
    prefixes: ["pnu_"],
    token: "pnu_[A-Za-z0-9]{36}",
    example: (g) => "pnu_" + g.alnum(36)
  }),
  prefixed({
    id: "figma-token",
    provider: "Figma",
    description: "Figma personal access token",
    prefixes: ["figd_"],
    token: "figd_[A-Za-z0-9_-]{40}",
    example: (g) => "figd_" + g.b64url(40)
  }),
  prefixed({
    id: "linear-api-key",
    provider: "Linear",
    description: "Linear API key or OAuth token",
    prefixes: ["lin_api_", "lin_oauth_"],
    token: "lin_(?:api|oauth)_[A-Za-z0-9]{40}",
    example: (g) => "lin_api_" + g.alnum(40)
  }),
  prefixed({
    id: "notion-token",
    provider: "Notion",
    description: "Notion integration token",
    prefixes: ["ntn_", "secret_"],
    token: "(?:ntn_[0-9]{11}[A-Za-z0-9]{35}|secret_[A-Za-z0-9]{43})",
    entropy: 3.5,
    example: (g) => ["ntn_" + g.digits(11) + g.alnum(35), "secret_" + g.alnum(43)]
  }),
  prefixed({
    id: "clickup-token",
    provider: "ClickUp",
    description: "ClickUp personal API token",
    prefixes: ["pk_"],
    token: "pk_[0-9]{6,10}_[A-Z0-9]{32}",
    example: (g) => "pk_" + g.digits(8) + "_" + g.upper(32)
  }),
  named({
    id: "asana-token",
    provider: "Asana",
    description: "Asana personal access token",
    names: ["asana"],
    value: "[0-9]/[0-9]{16}(?:/[0-9]{16})?:[A-Za-z0-9]{32}",
    example: (g) => `2/${g.digits(16)}/${g.digits(16)}:${g.alnum(32)}`
  }),
  named({
    id: "trello-token",
    provider: "Trello",
    description: "Trello API token",
    names: ["trello"],
    value: "(?:ATTA[A-Za-z0-9]{60,70}|[a-f0-9]{64})",
    example: (g) => g.hex(64)
  }),
  prefixed({
    id: "airtable-token",
    provider: "Airtable",
    description: "Airtable personal access token",
    prefixes: ["pat"],
    token: "pat[A-Za-z0-9]{14}\\.[a-f0-9]{64}",
    example: (g) => "pat" + g.alnum(14) + "." + g.hex(64)
  }),
  prefixed({
    id: "typeform-token",
    provider: "Typeform",
    description: "Typeform personal access token",
    prefixes: ["tfp_"],
    token: "tfp_[A-Za-z0-9_=-]{44}_[A-Za-z0-9]{14}",
    example: (g) => "tfp_" + g.b64url(44) + "_" + g.alnum(14)
  }),
  prefixed({
    id: "frameio-token",
    provider: "Frame.io",
    description: "Frame.io API token",
    prefixes: ["fio-u-"],
    token: "fio-u-[A-Za-z0-9_=-]{64}",
    example: (g) => "fio-u-" + g.b64url(64)
  }),
  named({
    id: "monday-token",
    provider: "monday.com",
    description: "monday.com API token (a JWT next to a monday name)",
    names: ["monday_api", "monday_token"],
    value: "eyJ[A-Za-z0-9_-]{10,60}\\.eyJ[A-Za-z0-9_-]{20,400}\\.[A-Za-z0-9_-]{20,100}",
    example: (g) => "eyJhbGciOiJIUzI1NiJ9.eyJ" + g.b64url(60) + "." + g.b64url(43)
  }),
  named({
    id: "zendesk-token",
    provider: "Zendesk",
    description: "Zendesk API token",
    names: ["zendesk"],
    value: "[A-Za-z0-9]{40}",
    entropy: 4,
    example: (g) => g.alnum(40)
  }),
  named({
    id: "intercom-token",
    provider: "Intercom",
    description: "Intercom access token",
    names: ["intercom"],
    value: "dG9rOj[A-Za-z0-9+/=_-]{40,80}",
    example: (g) => "dG9rOj" + g.b64url(54)
  }),
  prefixed({
    id: "hubspot-private-app-token",
    provider: "HubSpot",
    description: "HubSpot private app access token",
    prefixes: ["pat-na1-", "pat-eu1-"],
    token: "pat-(?:na1|eu1)-[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}",
    example: (g) => "pat-na1-" + g.uuid()
  }),
  named({
    id: "freshdesk-api-key",
    provider: "Freshworks",
    description: "Freshdesk / Freshservice API key",
    names: ["freshdesk", "freshservice"],
    value: "[A-Za-z0-9]{20}",
    entropy: 3.8,
    example: (g) => g.alnum(20)
  }),
  keyed({
    id: "github-oauth-client-secret",
    provider: "GitHub",
    description: "GitHub OAuth App client secret",
    keywords: [
      "github_client_secret",
      "github-client-secret",
      "githubclientsecret",
      "github_secret",
      "github_oauth_secret",
      "gh_client_secret"
    ],
    value: "h40"
  })
];

// src/core/secrets/entropy.ts
function shannonEntropy(value) {
  if (value.length === 0) return 0;
  const counts = /* @__PURE__ */ new Map();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

// src/core/secrets/filters.ts
var PLACEHOLDER_WORDS = /example|dummy|sample|placeholder|redacted|changeme|change_me|replace[-_]?me|insert[-_]?your|your[-_]?(?:api|access|secret|auth|key|token|pass|client)|fake[-_]?(?:key|token|secret)|not[-_]?a[-_]?real|xxxx|\*\*\*\*|\.\.\.|…/i;
var TEMPLATE_REFERENCE = /\$\{|\{\{|\}\}|<[^>\s]{1,60}>|process\.env|os\.environ|getenv|secrets\.|%[A-Z_]{3,}%|\$\(|^\$[A-Za-z_]|^\{[\w.-]{0,40}\}$/;
function isPlaceholder(value) {
  return PLACEHOLDER_WORDS.test(value) || TEMPLATE_REFERENCE.test(value) || hasLowVariety(value);
}
function hasLowVariety(value) {
  if (value.length >= 8 && new Set(value).size <= 3) return true;
  const v = value;
  let inRuns = 0;
  let runStart = 0;
  let step = 0;
  const close = (end) => {
    if (end - runStart >= 4) inRuns += end - runStart;
  };
  for (let i = 1; i <= v.length; i++) {
    const d = i < v.length ? v.charCodeAt(i) - v.charCodeAt(i - 1) : 99;
    const continues = (d === 0 || d === 1 || d === -1) && (i - runStart === 1 || d === step);
    if (continues) {
      step = d;
      continue;
    }
    close(i);
    runStart = i;
    step = 0;
  }
  return inRuns * 2 >= value.length;
}
var HEX_DIGEST = /^(?:[a-f0-9]{32}|[a-f0-9]{40}|[a-f0-9]{64}|[a-f0-9]{128}|[A-F0-9]{32}|[A-F0-9]{40}|[A-F0-9]{64})$/;
var UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
var SRI = /^sha(?:1|256|384|512)-[A-Za-z0-9+/]{20,}={0,2}$/;
function isDigestLike(value) {
  return HEX_DIGEST.test(value) || UUID.test(value) || SRI.test(value);
}
var SUPPRESSION = /codex-hooks:allow|gitleaks:allow|pragma: allowlist secret|secretlint-disable-line/;
function isSuppressedLine(text) {
  return SUPPRESSION.test(text);
}

// src/core/secrets/rules/commands-and-configs.ts
function isLiteralPassword(value) {
  return value.length >= 6 && !/^[$%<{]/.test(value) && !/^(?:password|passwd|secret|changeme|pass(?:word)?\d*|admin|root|test|user|xxx+)$/i.test(value) && shannonEntropy(value) >= 2.5 && !isPlaceholder(value);
}
function isBase64Credential(value) {
  const text = Buffer.from(value, "base64").toString("utf8");
  return text.length >= 6 && /^[\x20-\x7e]+$/.test(text) && isLiteralPassword(text);
}
var AUTH_VALUE = "[A-Za-z0-9._~+/=-]{16,500}";
var CONFIG_CREDENTIAL_RULES = [
  {
    id: "curl-basic-auth",
    provider: "Command lines",
    description: "Password in curl -u / --user",
    keywords: ["curl"],
    pattern: /curl\b[^\n]{0,200}?\s(?:-u|--user)\s{1,3}["']?[^\s:"'$]{1,64}:([^\s"'$]{6,128})["']?(?=\s|$)/,
    secretGroup: 1,
    validate: (s) => isLiteralPassword(s),
    specificity: 2,
    window: { before: 0, after: 420 },
    examples: {
      positive: [
        "curl -u deploy:Vq8r2LmZ7pWx4N https://api.acme.dev/v1/releases",
        'curl -s --user "ci:h7Kp2Lx9Qm4V" $URL'
      ],
      negative: ['curl -u "$USER:$PASSWORD" https://api.acme.dev', "curl -u admin:password https://localhost"]
    }
  },
  {
    id: "http-auth-header",
    provider: "HTTP headers",
    description: "Credential in an Authorization, X-Api-Key or token header",
    keywords: ["authorization:", "x-api-key:", "x-auth-token:", "api-key:", "x-access-token:", "private-token:"],
    pattern: new RegExp(
      `(?:authorization:\\s{0,3}(?:bearer|basic|token|apikey|ssws|key)?|x-api-key:|x-auth-token:|api-key:|x-access-token:|private-token:)\\s{0,3}(${AUTH_VALUE})(?![A-Za-z0-9._~+/=-])`,
      "i"
    ),
    secretGroup: 1,
    entropy: 3.3,
    validate: (s, m) => /[0-9]/.test(s) && /[A-Za-z]/.test(s) && !/^(?:bearer|basic|token)$/i.test(s) && /["'\s-]/.test(m.slice(-s.length - 1, -s.length) || " "),
    specificity: 1,
    window: { before: 0, after: 560 },
    examples: {
      positive: [
        'curl -H "Authorization: Bearer q7Rk2Lm9Vw3ZpT6yBn4HcD7sE1aGu5Ki" https://api.acme.dev',
        "curl -H 'X-Api-Key: 9fT2kLq8ZrV4mX7pW3nB6yC1' https://api.acme.dev",
        "Authorization: SSWS 00Q7rK2mZp9LwVb7Rc1Qn5Hd8Gf3Js6Ye0Ua4TnXw"
      ],
      negative: [
        '-H "Authorization: Bearer $TOKEN"',
        "Authorization: Bearer <token>",
        'headers["Authorization:"] = value'
      ]
    }
  },
  {
    id: "netrc-password",
    provider: "Config files",
    description: "Password in a .netrc entry",
    keywords: ["machine "],
    pattern: /machine\s{1,5}[A-Za-z0-9._-]{1,253}\s{1,5}(?:login\s{1,5}[^\s]{1,128}\s{1,5})?password\s{1,5}([^\s]{6,128})/,
    secretGroup: 1,
    validate: (s) => isLiteralPassword(s),
    specificity: 2,
    window: { before: 0, after: 600 },
    examples: {
      positive: [
        "machine api.heroku.com\n  login ci@acme.dev\n  password Zq8vT3mW9kLp",
        "machine github.com login octo password h7Kp2Lx9Qm4V"
      ],
      negative: ["machine github.com login octo password $GITHUB_TOKEN"]
    }
  },
  {
    id: "jdbc-password",
    provider: "Connection strings",
    description: "Password in a JDBC URL query",
    keywords: ["jdbc:"],
    pattern: /jdbc:[a-z0-9:]{2,30}\/\/[^\s"'?]{1,200}\?[^\s"']{0,200}?(?<=[?&])password=([^\s&"';]{6,128})/,
    secretGroup: 1,
    validate: (s) => isLiteralPassword(s),
    specificity: 2,
    window: { before: 0, after: 420 },
    examples: {
      positive: ["jdbc:mysql://db.acme.internal:3306/app?user=app&password=Tq7vR2mX9kLp&useSSL=true"],
      negative: ["jdbc:postgresql://db/app?user=app&password=${DB_PASSWORD}"]
    }
  },
  {
    id: "odbc-braced-password",
    provider: "Connection strings",
    description: "Password in an ODBC connection string written as a {braced} value",
    keywords: ["pwd={", "password={"],
    pattern: /(?:PWD|[Pp]assword)=\{([^}\n]{6,128})\}/,
    secretGroup: 1,
    validate: (s) => isLiteralPassword(s),
    specificity: 2,
    window: { before: 0, after: 200 },
    examples: {
      positive: ["Driver={ODBC Driver 18 for SQL Server};Server=db;UID=sa;PWD={Vq8r;2LmZ7pWx};"],
      negative: ["PWD={password};", "Password={0};"]
    }
  },
  {
    id: "command-line-password",
    provider: "Command lines",
    description: "Password on a command line: psexec -p, Connect-VIServer -Password, mysql -p, sshpass -p",
    keywords: ["psexec", "connect-viserver", "mysql", "sshpass", "net use"],
    pattern: /(?:psexec(?:64)?(?:\.exe)?\b[^\n]{0,200}?\s-p|connect-viserver\b[^\n]{0,200}?\s-password|mysql(?:dump|admin)?\b[^\n]{0,120}?\s-p(?=\S)|sshpass\s{1,3}-p|net use\b[^\n]{0,120}?\/user:\S{1,64})\s{0,3}["']?([^\s"'$]{6,128})["']?(?=\s|$)/i,
    secretGroup: 1,
    validate: (s) => isLiteralPassword(s) && !s.startsWith("-"),
    specificity: 2,
    window: { before: 0, after: 360 },
    examples: {
      positive: [
        "psexec \\\\srv01 -u ACME\\admin -p Zq8vT3mW9kLp cmd.exe",
        "Connect-VIServer -Server vc01.acme.local -User administrator@vsphere.local -Password 'h7Kp2Lx9Qm4V!'",
        "mysql -h db -u root -pTq7vR2mX9kLp app < dump.sql",
        "sshpass -p Vq8r2LmZ7pWx ssh deploy@10.0.0.4"
      ],
      negative: ["mysql -u root -p app", "psexec \\\\srv01 -u admin -p $env:PASSWORD cmd.exe"]
    }
  },
  {
    id: "gradle-credentials",
    provider: "Config files",
    description: "Password in a Gradle / Maven repository credentials block",
    keywords: ["credentials"],
    pattern: /credentials\s{0,3}(?:\(\w{0,40}\))?\s{0,3}\{[^}]{0,240}?password\s{0,3}(?:=\s{0,3})?["']([^"'\s$]{6,128})["']/,
    secretGroup: 1,
    validate: (s) => isLiteralPassword(s),
    specificity: 2,
    window: { before: 0, after: 420 },
    examples: {
      positive: ['credentials {\n  username "deploy"\n  password "Zq8vT3mW9kLp"\n}'],
      negative: ['credentials {\n  username = findProperty("user")\n  password = "$repoPassword"\n}']
    }
  },
  {
    id: "kubernetes-secret-data",
    provider: "Kubernetes",
    description: "Base64 credential in a Kubernetes Secret manifest",
    keywords: ["kind: secret"],
    pattern: /kind:\s{0,3}["']?Secret["']?\s*\n[\s\S]{0,600}?\n(?:data|stringData):[ \t]*\n[ \t]{1,8}[\w.-]{1,64}:[ \t]{1,3}["']?([A-Za-z0-9+/]{8,1000}={0,2})["']?[ \t]*(?:\n|$)/,
    secretGroup: 1,
    validate: (s) => isBase64Credential(s),
    placeholderFilter: false,
    specificity: 2,
    window: { before: 0, after: 1800 },
    examples: {
      positive: [
        `apiVersion: v1
kind: Secret
metadata:
  name: db
type: Opaque
data:
  password: ${Buffer.from("Zq8vT3mW9kLp!").toString("base64")}
`
      ],
      negative: ["apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: cGFzc3dvcmQ=\n"]
    }
  },
  {
    id: "password-hash",
    provider: "Password hashes",
    description: "Password hash in shadow or htpasswd form (user:$6$\u2026, user:$apr1$\u2026, user:{SHA}\u2026)",
    keywords: ["$apr1$", "$6$", "$5$", "$1$", "$2y$", "$2b$", "$2a$", "$y$", ":{sha}"],
    pattern: /(?<![^\s"'`>])[a-z_][A-Za-z0-9_.-]{0,31}:((?:\$(?:apr1|1|5|6)\$[./A-Za-z0-9]{1,16}\$[./A-Za-z0-9]{22,86}|\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}|\$y\$[./A-Za-z0-9]{1,8}\$[./A-Za-z0-9]{8,32}\$[./A-Za-z0-9]{43}|\{SHA\}[A-Za-z0-9+/]{27}=))(?=[:\s"'`]|$)/,
    secretGroup: 1,
    placeholderFilter: false,
    specificity: 2,
    window: { before: 40, after: 200 },
    examples: {
      positive: [
        "deploy:$6$Qk3v9TzR$W2mX7pL8rV4nB6yC1hJ5sD0fG3aK9eU7iO2tZ8Ywr3Lk9Pq2Vx7Nc4Md8Fb1Gh5Jk0LzQ7rK2mZp9LwVb7Rc1:19700:0:99999:7:::",
        "admin:$apr1$Zk3Q9vT7$mX2pL8rW4nB6yC1hJ5sD0/"
      ],
      negative: ["root:*:19700:0:99999:7:::", 'const prefix = "$6$";']
    }
  }
];

// src/core/secrets/rules/generic.ts
var PEM_BODY_LINE = /^(?:Proc-Type|DEK-Info|Version|Comment|Hash):/;
function hasPemBody(block) {
  const inner = block.replace(/\\n/g, "\n").split(/\r?\n/);
  const body = inner.filter((l) => !/-{2}(?:BEGIN|END) /.test(l) && !PEM_BODY_LINE.test(l.trim()) && !l.trim().startsWith("=")).join("").replace(/[\s"',+]/g, (c) => c === "+" ? c : "");
  return body.length >= 64 && /^[A-Za-z0-9+/=]+$/.test(body) && !/\.\.\./.test(block) && new Set(body).size > 16;
}
function decodeBase64Url(part) {
  return Buffer.from(part.replace(/-/g, "+").replace(/_/g, "/"), "base64").toString("utf8");
}
function isJwt(token) {
  const [header, payload] = token.split(".");
  try {
    const h = JSON.parse(decodeBase64Url(header));
    JSON.parse(decodeBase64Url(payload));
    return typeof h === "object" && h !== null && "alg" in h && h.alg !== "none";
  } catch {
    return false;
  }
}
var COMMON_PASSWORDS = /* @__PURE__ */ new Set([
  "password",
  "passwd",
  "pass",
  "pwd",
  "secret",
  "admin",
  "root",
  "test",
  "user",
  "username",
  "changeme",
  "foobar",
  "qwerty",
  "letmein",
  "mypassword",
  "yourpassword",
  "p@ssw0rd",
  "password1",
  "password123",
  "guest",
  "default",
  "postgres",
  "mysql",
  "redis",
  "none",
  "null",
  "true",
  "false",
  "undefined",
  "required",
  "string",
  "hidden",
  "secret123"
]);
var CODE_LIKE = /[()[\]]|^[a-z_$][\w$]*\.[a-z_$][\w$.]*$|^(?:true|false|null|none|nil|undefined)$/i;
function isUnquotedPassword(value) {
  return /[A-Za-z]/.test(value) && /[0-9]/.test(value) && !/^[/~.$%!&|]/.test(value) && !/[:(){}[\]]$/.test(value) && !/^[a-z_$][\w$]*(?:\.[\w$]+)+$/i.test(value) && shannonEntropy(value) >= 3;
}
var FILE_PATH = /^(?:~?\/|\.{1,2}\/|[A-Za-z]:[\\/])[\w./\\-]*$/;
function isPlausiblePassword(value) {
  return value.length >= 6 && !COMMON_PASSWORDS.has(value.toLowerCase()) && !CODE_LIKE.test(value) && !FILE_PATH.test(value);
}
var NOT_A_SECRET_NAME = /(?:hash|sha\d*|digest|checksum|integrity|_id|Id|_ids|name|type|url|uri|path|file|length|len|count|header|prefix|expires?|ttl|format)["']?\s{0,3}(?:=>|:=|=|:)/;
function isWordPiece(piece) {
  if (/^\d{1,4}$/.test(piece) || /^v\d{1,3}$/i.test(piece)) return true;
  if (!/^[A-Za-z]{2,}$/.test(piece)) return false;
  return piece.length <= 4 || /[aeiouy]/i.test(piece);
}
function readsAsIdentifier(value) {
  if (/^(?:[/#.~]|arn:|https?:)/i.test(value)) return true;
  if (/^(?:[a-z0-9-]{1,63}\.)+[a-z]{2,24}$/i.test(value)) return true;
  if (/^[0-9a-f]{4,12}(?:-[0-9a-f]{2,12}){3,5}$/i.test(value)) return true;
  const pieces = value.replace(/([a-z])([A-Z])/g, "$1 $2").split(/[\s/._:@-]+/).filter((p) => p.length > 0);
  return pieces.length >= 2 && pieces.every(isWordPiece);
}
var GENERIC_RULES = [
  {
    id: "private-key",
    provider: "PEM / OpenSSH / PGP",
    description: "Private key block (RSA, EC, DSA, OpenSSH, PGP, PKCS#8, encrypted)",
    keywords: ["private key"],
    pattern: (
      // The block ends at its END line, or, for a key inside a JSON string (a GCP service-account file),
      // at the string's closing quote, so that a mangled or cut END line still leaves a key to report.
      // The body never runs over another BEGIN line: each header is tried once up to the next, so a file of
      // repeated headers costs one pass, not 16,000 characters per header.
      /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |PGP |ENCRYPTED |SSH2 ENCRYPTED )?PRIVATE KEY(?: BLOCK)?)-----(?:[^-]|-(?!----BEGIN )){64,16000}?(?:-----END \1-----|(?<=\\n|\n)-{2,5}END \1-{0,5}|")/
    ),
    placeholderFilter: false,
    validate: hasPemBody,
    window: { before: 40, after: 16100 },
    specificity: 3,
    examples: {
      positive: [
        "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\nVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK\n-----END RSA PRIVATE KEY-----",
        '"private_key": "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\\nMzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvu\\n-----END PRIVATE KEY-----\\n"',
        "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\nQyNTUxOQAAACDq7Uq3Vx9kR2mT8pL4nB6yC1hJ5sD0fG3aK9eU7iO2tQAAAJgZ8Ywr\n-----END OPENSSH PRIVATE KEY-----",
        '{\n  "type": "service_account",\n  "private_key": "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQDq7Uq3Vx9kR2mT8pL4\\nnB6yC1hJ5sD0fG3aK9eU7iO2tZ8Ywr3Lk9Pq2Vx7Nc4Md8Fb1Gh5Jk0Lz\\n-----END PRIVATE KEY----\\n",\n  "client_email": "ci@acme-prod.iam.gserviceaccount.com"\n}'
      ],
      negative: [
        "-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----",
        "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo\n-----END PUBLIC KEY-----",
        "const header = '-----BEGIN PRIVATE KEY-----';",
        'const marker = "-----BEGIN PRIVATE KEY-----"; // the PEM header that parseKey() looks for before it decodes the rest of the file "'
      ]
    }
  },
  {
    id: "putty-private-key",
    provider: "PuTTY",
    description: "PuTTY private key file",
    keywords: ["putty-user-key-file-"],
    pattern: /PuTTY-User-Key-File-[23]: [a-z0-9-]{7,32}\r?\nEncryption: [a-z0-9-]{4,20}\r?\nComment: [^\n]{0,200}\r?\nPublic-Lines: \d{1,3}\r?\n[\s\S]{20,8000}?Private-Lines: \d{1,3}\r?\n[A-Za-z0-9+/=\r\n]{40,4000}/,
    placeholderFilter: false,
    window: { before: 10, after: 12e3 },
    examples: {
      positive: [
        "PuTTY-User-Key-File-2: ssh-rsa\nEncryption: none\nComment: deploy\nPublic-Lines: 2\nAAAAB3NzaC1yc2EAAAABJQAAAQEAhV9sR2mT8pL4nB6yC1hJ5sD0fG3aK9eU7iO2tQ\nZ8Ywr3Lk9Pq2Vx7Nc4Md8Fb1Gh5Jk0Lz\nPrivate-Lines: 1\nAAABAQCq7Uq3Vx9kR2mT8pL4nB6yC1hJ5sD0fG3aK9eU7iO2tZ8Ywr3Lk9Pq2Vx7Nc"
      ],
      negative: ["PuTTY-User-Key-File-2: ssh-rsa"]
    }
  },
  {
    id: "jwt",
    provider: "JSON Web Token",
    description: "JSON Web Token (signed)",
    keywords: ["eyj"],
    pattern: /(?<![A-Za-z0-9_-])(eyJ[A-Za-z0-9_-]{8,1000}\.eyJ[A-Za-z0-9_-]{8,4000}\.[A-Za-z0-9_-]{16,1000})(?![A-Za-z0-9_-])/,
    secretGroup: 1,
    validate: isJwt,
    window: { before: 10, after: 6100 },
    specificity: 2,
    examples: {
      positive: [
        "Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJjaS1ib3QiLCJpYXQiOjE3MTk0MDAwMDB9.q7Rk2Lm9Vw3ZpT6yBn4HcD7sE1aGu5Kio8Nf0Jh2wXc"
      ],
      negative: [
        "eyJub3QiOiJqd3QifQ.eyJzdWIiOiJ4In0.q7Rk2Lm9Vw3ZpT6yBn4HcD7sE1aGu5Kio8",
        "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.q7Rk2Lm9Vw3ZpT6yBn4HcD7sE1aGu5Kio8"
      ]
    }
  },
  {
    id: "url-credentials",
    provider: "URL credentials",
    description: "Password in a URL or connection string (scheme://user:password@host)",
    keywords: ["://"],
    // The scheme is a lookbehind so that the regex starts with the literal `://`, which the engine finds
    // by a fast scan instead of trying every letter of the window as a scheme's start.
    pattern: /:\/\/(?<=[A-Za-z][A-Za-z0-9+.-]{1,20}:\/\/)[^\s:@/"'`<>]{0,64}:([^\s:@/"'`<>]{3,128})@[A-Za-z0-9[\]._-]{1,253}/,
    secretGroup: 1,
    validate: (s, m) => isPlausiblePassword(decodeURIComponentSafe(s)) && !/^\*+$/.test(s) && // `YOUR_DB_PASSWORD`-like names are placeholders; a password equal to the user name is a demo default.
    !/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(s) && m.slice(3, m.indexOf(":", 3)) !== s,
    window: { before: 30, after: 420 },
    specificity: 1,
    examples: {
      positive: [
        "DATABASE_URL=postgres://app:Vq8r2LmZ7pWx4Nb@db.internal:5432/app",
        "redis://:h7Kp2Lx9Qm4Vb8Nz@cache:6379/0"
      ],
      negative: [
        "postgres://user:password@localhost/db",
        "https://user:${DB_PASSWORD}@host",
        "git@github.com:org/repo.git",
        "https://example.com/a@b",
        'const DOC_URL = "https://deploy:YOUR_DEPLOY_PASSWORD@api.service.com";',
        "MONGO_URL=mongodb://mongoadmin:mongoadmin@localhost:27017/app",
        'const TEMPLATE = "https://{USER}:{PASSWORD}@registry.acme.dev";'
      ]
    }
  },
  {
    id: "connection-string-password",
    provider: "Connection strings",
    description: "Password in an ADO.NET / JDBC / ODBC connection string",
    keywords: ["password=", "pwd="],
    // `;` before or after the pair is what makes it a connection string (not a `.env` line).
    pattern: /(;\s{0,3})?(?:[Pp]assword|PASSWORD|[Pp]wd|PWD)=([^;"'\s]{6,128})(?:;|(?=["'\s]|$))/,
    secretGroup: 2,
    validate: (s, m) => isPlausiblePassword(s) && (m.startsWith(";") || m.endsWith(";")) && !/^\{/.test(s),
    window: { before: 200, after: 200 },
    specificity: 1,
    entropy: 2.5,
    examples: {
      positive: ["Server=db;Database=app;User Id=sa;Password=Tq7vR2mX9kLp;"],
      negative: ["Server=db;User Id=sa;Password=password;", "Password={0};"]
    }
  },
  {
    id: "generic-password",
    provider: "generic",
    description: "Password assigned to a literal",
    keywords: ["password", "passwd", "passphrase", "pwd"],
    // A quoted value (code, JSON, YAML), or an unquoted one that runs to the end of the line or a space
    // (.env, YAML, properties), which must look more like a password (see isUnquotedPassword).
    pattern: /(?:password|passwd|passphrase|pwd)[A-Za-z0-9_.-]{0,20}["']?\s{0,3}(?:=>|:=|=|:)\s{0,3}["'`]?((?<=["'`])[^"'`\s\\]{6,128}(?=["'`])|(?<![^\s=:>])[^"'`\s\\;,&]{6,128}(?![^\s"'`]))/i,
    secretGroup: 1,
    entropy: 2.3,
    validate: (s, m) => isPlausiblePassword(s) && !NOT_A_SECRET_NAME.test(m) && !/^[A-Z_]+$/.test(s) && !readsAsIdentifier(s) && (/["'`]/.test(m.charAt(m.length - s.length - 1)) || isUnquotedPassword(s)),
    window: { before: 10, after: 200 },
    specificity: 1,
    examples: {
      positive: [
        'db_password = "Zq8vT3mW9kLp"',
        "  password: 'h7Kp2Lx9Qm4V'",
        "  password: Tq7vR2mX9kLp$",
        '{"username": "deploy", "password": "Vq8r2LmZ7pWx"}',
        "spring.datasource.password=h7Kp2Lx9Qm4V"
      ],
      negative: [
        'password = "password"',
        'password = ""',
        "password = get_password()",
        'password: "${DB_PASSWORD}"',
        'password_hash = "5f4dcc3b5aa765d61d8327deb882cf99"',
        "PWD=/home/runner/work/app2",
        "env: { PWD: '/Users/maciej' }",
        "password: !vault |",
        "const password = userPassword;",
        "password = config.db.password",
        "PASSWORD=changeme123",
        "password:\n  min_length: 12"
      ]
    }
  },
  {
    id: "generic-api-key",
    provider: "generic",
    description: "Secret, token or API key assigned to a high-entropy literal",
    keywords: [
      "secret",
      "token",
      "api_key",
      "apikey",
      "api-key",
      "access_key",
      "accesskey",
      "auth_key",
      "private_key",
      "credential"
    ],
    pattern: /(?:secret|token|api_key|apikey|api-key|access_key|accesskey|auth_key|private_key|credential)[A-Za-z0-9_.-]{0,20}["']?\s{0,3}(?:=>|:=|=|:)\s{0,3}(["'`]?)([A-Za-z0-9_+/=~.-]{16,160})\1(?![A-Za-z0-9_+/=~.-])/i,
    secretGroup: 2,
    entropy: 3.6,
    validate: (s, m) => /[0-9]/.test(s) && /[A-Za-z]/.test(s) && !isDigestLike(s) && !readsAsIdentifier(s) && // A checksummed format whose checksum failed (its own rule dropped it) is not a token.
    !/^(?:gh[pousr]|npm)_[A-Za-z0-9]{36}$/.test(s) && !NOT_A_SECRET_NAME.test(m) && !/^[a-z_$][\w$]*(?:\.[\w$]+)+$/i.test(s) && !/^[\w-]+\.(?:js|ts|json|ya?ml|txt|md)$/.test(s),
    window: { before: 10, after: 240 },
    specificity: 1,
    examples: {
      positive: [
        'const apiKey = "q7Rk2Lm9Vw3ZpT6yBn4HcD7s";',
        "SERVICE_TOKEN=Zk3Q9vT7mX2pL8rW4nB6yC1h",
        "client_secret: 9fT2kLq8ZrV4mX7pW3nB6yC1"
      ],
      negative: [
        'token = "d41d8cd98f00b204e9800998ecf8427e"',
        "integrity: sha512-q7Rk2Lm9Vw3ZpT6yBn4HcD7sE1aGu5Kio8Nf0Jh2wXcQ7Rk2Lm9Vw3ZpT6yBn4Hc==",
        'secret_id = "3f9a1c7e-5b2d-4a4f-8c0e-9b1d7a3f5c8e"',
        "token = process.env.SERVICE_TOKEN_2024",
        'const tokenType = "authorizationCodeGrant";'
      ]
    }
  }
];
function decodeURIComponentSafe(s) {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

// src/core/secrets/rules/infra.ts
var INFRA_RULES = [
  prefixed({
    id: "vault-token",
    provider: "HashiCorp Vault",
    description: "Vault service, batch or recovery token",
    prefixes: ["hvs.", "hvb.", "hvr."],
    token: "hv[sbr]\\.[A-Za-z0-9_-]{24,200}",
    entropy: 3.8,
    example: (g) => "hvs." + g.b64url(91)
  }),
  named({
    id: "vault-legacy-token",
    provider: "HashiCorp Vault",
    description: "Vault legacy token (s.\u2026) next to a Vault name",
    names: ["vault_token", "vault-token", "x-vault-token"],
    value: "[sb]\\.[A-Za-z0-9]{24}",
    example: (g) => "s." + g.alnum(24)
  }),
  prefixed({
    id: "terraform-cloud-token",
    provider: "HashiCorp Terraform Cloud",
    description: "Terraform Cloud / Enterprise API token",
    prefixes: [".atlasv1."],
    token: "[A-Za-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_=-]{60,70}",
    example: (g) => g.alnum(14) + ".atlasv1." + g.b64url(67)
  }),
  prefixed({
    id: "databricks-token",
    provider: "Databricks",
    description: "Databricks personal access token",
    prefixes: ["dapi", "dose"],
    token: "(?:dapi|dose)[a-f0-9]{32}(?:-[0-9])?",
    example: (g) => "dapi" + g.hex(32)
  }),
  prefixed({
    id: "doppler-token",
    provider: "Doppler",
    description: "Doppler personal, service, CLI, SCIM or audit token",
    prefixes: ["dp.pt.", "dp.st.", "dp.sa.", "dp.ct.", "dp.scim.", "dp.audit."],
    token: "dp\\.(?:pt|st|sa|ct|scim|audit)\\.[A-Za-z0-9._-]{40,80}",
    example: (g) => "dp.st.prd." + g.alnum(43)
  }),
  prefixed({
    id: "pulumi-token",
    provider: "Pulumi",
    description: "Pulumi access token",
    prefixes: ["pul-"],
    token: "pul-[a-f0-9]{40}",
    example: (g) => "pul-" + g.hex(40)
  }),
  named({
    id: "datadog-api-key",
    provider: "Datadog",
    description: "Datadog API or application key",
    names: ["datadog", "dd_api_key", "dd_app_key", "dd_application_key", "dd-api-key"],
    value: "(?:[a-f0-9]{40}|[a-f0-9]{32})",
    example: (g) => g.hex(32)
  }),
  prefixed({
    id: "newrelic-key",
    provider: "New Relic",
    description: "New Relic user, insights or browser key",
    prefixes: ["nrak-", "nrii-", "nrjs-"],
    token: "(?:NRAK-[A-Z0-9]{27}|NRII-[A-Za-z0-9_-]{32}|NRJS-[a-f0-9]{19})",
    example: (g) => "NRAK-" + g.upper(27)
  }),
  prefixed({
    id: "newrelic-license-key",
    provider: "New Relic",
    description: "New Relic ingest license key",
    prefixes: ["nral"],
    token: "[a-f0-9]{36}NRAL",
    example: (g) => g.hex(36) + "NRAL"
  }),
  prefixed({
    id: "sentry-token",
    provider: "Sentry",
    description: "Sentry organization or user auth token",
    prefixes: ["sntrys_", "sntryu_"],
    token: "(?:sntrys_eyJ[A-Za-z0-9+/=_-]{60,400}|sntryu_[a-f0-9]{64})",
    example: (g) => ["sntryu_" + g.hex(64), "sntrys_eyJpYXQiOjE3M" + g.b64url(120)],
    window: { before: 20, after: 440 }
  }),
  prefixed({
    id: "sentry-dsn",
    provider: "Sentry",
    description: "Sentry DSN with a secret key",
    severity: "warning",
    prefixes: ["ingest.sentry.io", "ingest.us.sentry.io", "ingest.de.sentry.io"],
    token: "https://[a-f0-9]{32}(?::[a-f0-9]{32})?@o[0-9]{1,10}\\.ingest\\.(?:us\\.|de\\.)?sentry\\.io/[0-9]{1,10}",
    example: (g) => "https://" + g.hex(32) + "@o" + g.digits(6) + ".ingest.sentry.io/" + g.digits(7)
  }),
  prefixed({
    id: "grafana-token",
    provider: "Grafana",
    description: "Grafana Cloud or service account token",
    prefixes: ["glc_", "glsa_"],
    token: "(?:glc_[A-Za-z0-9+/]{32,400}={0,2}|glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8})",
    example: (g) => ["glsa_" + g.alnum(32) + "_" + g.hex(8), "glc_eyJvIjoi" + g.b64(80) + "=="],
    window: { before: 20, after: 440 }
  }),
  named({
    id: "okta-api-token",
    provider: "Okta",
    description: "Okta API token",
    names: ["okta"],
    value: "00[A-Za-z0-9_-]{40}",
    entropy: 4,
    example: (g) => "00" + g.b64url(40)
  }),
  named({
    id: "auth0-client-secret",
    provider: "Auth0",
    description: "Auth0 client secret",
    names: ["auth0"],
    value: "[A-Za-z0-9_-]{64}",
    entropy: 4.3,
    example: (g) => g.b64url(64)
  }),
  prefixed({
    id: "planetscale-token",
    provider: "PlanetScale",
    description: "PlanetScale service token, password or OAuth token",
    prefixes: ["pscale_tkn_", "pscale_pw_", "pscale_oauth_"],
    token: "pscale_(?:tkn|pw|oauth)_[A-Za-z0-9_.-]{32,64}",
    example: (g) => "pscale_pw_" + g.b64url(43)
  }),
  prefixed({
    id: "supabase-token",
    provider: "Supabase",
    description: "Supabase personal access token or secret key",
    prefixes: ["sbp_", "sb_secret_"],
    token: "(?:sbp_[a-f0-9]{40}|sb_secret_[A-Za-z0-9_-]{31,40})",
    example: (g) => "sbp_" + g.hex(40)
  }),
  prefixed({
    id: "neon-api-key",
    provider: "Neon",
    description: "Neon API key",
    prefixes: ["napi_"],
    token: "napi_[a-z0-9]{64}",
    example: (g) => "napi_" + g.lower(64)
  }),
  prefixed({
    id: "tailscale-key",
    provider: "Tailscale",
    description: "Tailscale auth, API or OAuth client key",
    prefixes: ["tskey-"],
    // Published types: api, auth, client, scim, webhook (tailscale.com/kb/1277/key-prefixes); any
    // lower-case type is accepted so that a new key type is not missed.
    token: "tskey-[a-z]{3,12}-[A-Za-z0-9]{8,20}-[A-Za-z0-9]{16,40}",
    example: (g) => [
      "tskey-auth-k" + g.alnum(10) + "-" + g.alnum(32),
      "tskey-federated-k" + g.alnum(10) + "-" + g.alnum(24)
    ]
  }),
  prefixed({
    id: "dynatrace-token",
    provider: "Dynatrace",
    description: "Dynatrace API token",
    prefixes: ["dt0c01."],
    token: "dt0c01\\.[A-Z0-9]{24}\\.[A-Z0-9]{64}",
    example: (g) => "dt0c01." + g.upper(24) + "." + g.upper(64)
  }),
  prefixed({
    id: "onepassword-service-account-token",
    provider: "1Password",
    description: "1Password service account token",
    prefixes: ["ops_eyj"],
    token: "ops_eyJ[A-Za-z0-9+/=_-]{100,1500}",
    example: (g) => "ops_eyJzaWduSW5BZGRyZXNzIjoi" + g.b64url(300),
    window: { before: 20, after: 1600 }
  }),
  prefixed({
    id: "onepassword-secret-key",
    provider: "1Password",
    description: "1Password account secret key",
    prefixes: ["a3-"],
    token: "A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}",
    example: (g) => `A3-${g.upper(6)}-${g.upper(6)}-${g.upper(5)}-${g.upper(5)}-${g.upper(5)}-${g.upper(5)}`
  }),
  prefixed({
    id: "age-secret-key",
    provider: "age",
    description: "age encryption secret key",
    prefixes: ["age-secret-key-1"],
    token: "AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}",
    example: (g) => "AGE-SECRET-KEY-1" + g.pick("QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 58)
  }),
  prefixed({
    id: "honeycomb-key",
    provider: "Honeycomb",
    description: "Honeycomb ingest or configuration key",
    prefixes: ["hcaik_", "hcxik_", "hcamk_", "hcxmk_", "hcaic_", "hcxlk_"],
    token: "hc[ax][a-z]{2}_[a-z0-9]{58}",
    example: (g) => "hcaik_" + g.lower(58)
  }),
  named({
    id: "rollbar-token",
    provider: "Rollbar",
    description: "Rollbar access token",
    names: ["rollbar"],
    value: "[a-f0-9]{32}",
    example: (g) => g.hex(32)
  }),
  named({
    id: "bugsnag-api-key",
    provider: "Bugsnag",
    description: "Bugsnag API key",
    names: ["bugsnag"],
    value: "[a-f0-9]{32}",
    example: (g) => g.hex(32)
  }),
  named({
    id: "pagerduty-token",
    provider: "PagerDuty",
    description: "PagerDuty API token",
    names: ["pagerduty"],
    value: "(?:u\\+)?[A-Za-z0-9_+-]{20}",
    entropy: 3.8,
    example: (g) => "u+" + g.b64url(18)
  }),
  named({
    id: "opsgenie-api-key",
    provider: "Opsgenie",
    description: "Opsgenie API key",
    names: ["opsgenie"],
    value: "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
    example: (g) => g.uuid()
  }),
  named({
    id: "splunk-hec-token",
    provider: "Splunk",
    description: "Splunk HTTP Event Collector token",
    names: ["splunk"],
    value: "[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}",
    example: (g) => g.uuid()
  }),
  named({
    id: "sumologic-access-key",
    provider: "Sumo Logic",
    description: "Sumo Logic access key",
    names: ["sumologic", "sumo_access"],
    value: "[A-Za-z0-9]{64}",
    entropy: 4.3,
    example: (g) => g.alnum(64)
  }),
  prefixed({
    id: "launchdarkly-key",
    provider: "LaunchDarkly",
    description: "LaunchDarkly API or SDK key",
    prefixes: ["api-", "sdk-"],
    token: "(?:api|sdk)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
    example: (g) => "sdk-" + g.uuid()
  }),
  named({
    id: "algolia-admin-key",
    provider: "Algolia",
    description: "Algolia admin API key",
    names: ["algolia"],
    value: "[a-f0-9]{32}",
    example: (g) => g.hex(32)
  }),
  prefixed({
    id: "mapbox-secret-token",
    provider: "Mapbox",
    description: "Mapbox secret access token",
    prefixes: ["sk.eyj"],
    token: "sk\\.eyJ[A-Za-z0-9_-]{50,200}\\.[A-Za-z0-9_-]{22}",
    example: (g) => "sk.eyJ1Ijoi" + g.b64url(60) + "." + g.b64url(22)
  }),
  prefixed({
    id: "contentful-token",
    provider: "Contentful",
    description: "Contentful personal access token",
    prefixes: ["cfpat-"],
    token: "CFPAT-[A-Za-z0-9_-]{43}",
    example: (g) => "CFPAT-" + g.b64url(43)
  }),
  named({
    id: "sanity-token",
    provider: "Sanity",
    description: "Sanity API token",
    names: ["sanity"],
    value: "sk[A-Za-z0-9]{79,180}",
    entropy: 4.3,
    example: (g) => "sk" + g.alnum(120)
  }),
  prefixed({
    id: "salesforce-access-token",
    provider: "Salesforce",
    description: "Salesforce session or access token",
    prefixes: ["00d"],
    token: "00D[A-Za-z0-9]{12,15}![A-Za-z0-9._]{96}",
    example: (g) => "00D" + g.alnum(12) + "!" + g.alnum(96)
  }),
  prefixed({
    id: "facebook-access-token",
    provider: "Meta",
    description: "Facebook / Meta Graph API access token",
    prefixes: ["eaa"],
    token: "EAA[A-Za-z0-9]{90,300}",
    entropy: 4.3,
    example: (g) => "EAAG" + g.alnum(180),
    window: { before: 20, after: 340 }
  }),
  prefixed({
    id: "instagram-token",
    provider: "Instagram",
    description: "Instagram Graph access token",
    prefixes: ["igqv"],
    token: "IGQV[A-Za-z0-9_-]{100,300}",
    example: (g) => "IGQVJ" + g.b64url(160),
    window: { before: 20, after: 340 }
  }),
  prefixed({
    id: "twitter-bearer-token",
    provider: "X (Twitter)",
    description: "X / Twitter app bearer token",
    prefixes: ["aaaaaaaaaaaaaaaaaaaaa"],
    token: "A{22}[A-Za-z0-9%]{60,120}",
    placeholderFilter: false,
    entropy: 3.6,
    example: (g) => "A".repeat(22) + g.alnum(90),
    window: { before: 20, after: 160 }
  }),
  named({
    id: "twitter-api-secret",
    provider: "X (Twitter)",
    description: "X / Twitter API secret",
    names: ["twitter", "consumer_secret"],
    value: "[A-Za-z0-9]{45,50}",
    entropy: 4.3,
    example: (g) => g.alnum(50)
  }),
  prefixed({
    id: "dropbox-token",
    provider: "Dropbox",
    description: "Dropbox short-lived access token",
    prefixes: ["sl."],
    token: "sl\\.[A-Za-z0-9_-]{130,160}",
    entropy: 4.3,
    example: (g) => "sl." + g.b64url(138)
  }),
  named({
    id: "box-token",
    provider: "Box",
    description: "Box developer token or client secret",
    names: ["box_client_secret", "box_developer_token", "box_token"],
    value: "[A-Za-z0-9]{32}",
    entropy: 4,
    example: (g) => g.alnum(32)
  }),
  named({
    id: "ngrok-authtoken",
    provider: "ngrok",
    description: "ngrok authtoken",
    names: ["ngrok"],
    value: "[0-9A-Za-z]{25,27}_[0-9A-Za-z]{20,22}",
    example: (g) => "2" + g.alnum(26) + "_" + g.alnum(21)
  }),
  named({
    id: "confluent-api-secret",
    provider: "Confluent",
    description: "Confluent Cloud API secret",
    names: ["confluent", "sasl_password", "kafka_api_secret"],
    value: "[A-Za-z0-9+/]{64}",
    entropy: 4.5,
    example: (g) => g.b64(64)
  }),
  named({
    id: "mongodb-atlas-key",
    provider: "MongoDB Atlas",
    description: "MongoDB Atlas API private key",
    names: ["atlas_private", "mongodb_atlas", "atlas_api"],
    value: "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
    example: (g) => g.uuid()
  }),
  named({
    id: "snowflake-password",
    provider: "Snowflake",
    description: "Snowflake password or key passphrase",
    names: ["snowflake_password", "snowflake_private_key_passphrase", "snowsql_pwd"],
    value: "[^\\s\"'`]{12,64}",
    entropy: 3.2,
    example: (g) => g.alnum(20)
  }),
  named({
    id: "lokalise-token",
    provider: "Lokalise",
    description: "Lokalise API token",
    names: ["lokalise"],
    value: "[a-f0-9]{40}",
    example: (g) => g.hex(40)
  }),
  named({
    id: "crowdin-token",
    provider: "Crowdin",
    description: "Crowdin personal access token",
    names: ["crowdin"],
    value: "[a-f0-9]{80}",
    example: (g) => g.hex(80)
  }),
  prefixed({
    id: "defined-networking-key",
    provider: "Defined Networking",
    description: "Defined Networking (Nebula) API key",
    prefixes: ["dnkey-"],
    token: "dnkey-[a-z0-9=_-]{26}-[a-z0-9=_-]{52}",
    example: (g) => "dnkey-" + g.lower(26) + "-" + g.lower(52)
  }),
  prefixed({
    id: "adafruit-io-key",
    provider: "Adafruit IO",
    description: "Adafruit IO key",
    prefixes: ["aio_"],
    token: "aio_[A-Za-z0-9]{28}",
    example: (g) => "aio_" + g.alnum(28)
  }),
  named({
    id: "elastic-api-key",
    provider: "Elastic",
    description: "Elastic Cloud / Elasticsearch API key",
    names: ["elastic_api", "elasticsearch_api", "es_api_key"],
    value: "[A-Za-z0-9_=-]{40,120}",
    entropy: 4,
    example: (g) => g.b64url(60) + "=="
  }),
  named({
    id: "fastly-api-token",
    provider: "Fastly",
    description: "Fastly API token",
    names: ["fastly"],
    value: "[A-Za-z0-9_-]{32}",
    entropy: 4,
    example: (g) => g.b64url(32)
  }),
  named({
    id: "twitch-token",
    provider: "Twitch",
    description: "Twitch client secret or OAuth token",
    names: ["twitch"],
    value: "[a-z0-9]{30}",
    entropy: 3.8,
    example: (g) => g.lower(30)
  }),
  named({
    id: "spotify-client-secret",
    provider: "Spotify",
    description: "Spotify client secret",
    names: ["spotify"],
    value: "[a-f0-9]{32}",
    example: (g) => g.hex(32)
  }),
  prefixed({
    id: "scalingo-token",
    provider: "Scalingo",
    description: "Scalingo API token",
    prefixes: ["tk-us-"],
    token: "tk-us-[A-Za-z0-9_-]{48}",
    example: (g) => "tk-us-" + g.b64url(48)
  }),
  named({
    id: "segment-token",
    provider: "Segment",
    description: "Segment public API token or write key",
    names: ["segment"],
    value: "(?:sgp_[A-Za-z0-9]{64}|[A-Za-z0-9]{32})",
    entropy: 4,
    example: (g) => "sgp_" + g.alnum(64)
  }),
  named({
    id: "mixpanel-secret",
    provider: "Mixpanel",
    description: "Mixpanel API secret",
    names: ["mixpanel"],
    value: "[a-f0-9]{32}",
    example: (g) => g.hex(32)
  }),
  named({
    id: "amplitude-secret",
    provider: "Amplitude",
    description: "Amplitude secret key",
    names: ["amplitude"],
    value: "[a-f0-9]{32}",
    example: (g) => g.hex(32)
  }),
  named({
    id: "launchable-token",
    provider: "Launchable",
    description: "Launchable token",
    names: ["launchable_token"],
    value: "v1:[A-Za-z0-9_/-]{3,60}:[A-Za-z0-9]{30,40}",
    example: (g) => "v1:acme/app:" + g.alnum(32)
  }),
  named({
    id: "cloudinary-api-secret",
    provider: "Cloudinary",
    description: "Cloudinary API secret",
    names: ["cloudinary"],
    value: "[A-Za-z0-9_-]{27}",
    entropy: 3.8,
    example: (g) => g.b64url(27)
  }),
  named({
    id: "imgur-client-secret",
    provider: "Imgur",
    description: "Imgur client secret",
    names: ["imgur"],
    value: "[a-f0-9]{40}",
    example: (g) => g.hex(40)
  }),
  named({
    id: "zoom-secret",
    provider: "Zoom",
    description: "Zoom API / SDK secret",
    names: ["zoom_api_secret", "zoom_client_secret", "zoom_sdk_secret"],
    value: "[A-Za-z0-9]{32}",
    entropy: 4,
    example: (g) => g.alnum(32)
  }),
  named({
    id: "yandex-api-key",
    provider: "Yandex Cloud",
    description: "Yandex Cloud API key or IAM token",
    names: ["yandex", "yc_token"],
    value: "(?:AQVN[A-Za-z0-9_-]{35,38}|t1\\.[A-Z0-9a-z_-]{80,200})",
    example: (g) => "AQVN" + g.b64url(36)
  }),
  named({
    id: "hashicorp-consul-token",
    provider: "HashiCorp Consul",
    description: "Consul ACL token",
    names: ["consul_http_token", "consul_token"],
    value: "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
    example: (g) => g.uuid()
  }),
  prefixed({
    id: "newrelic-query-browser-key",
    provider: "New Relic",
    description: "New Relic insights query key (NRIQ-) or browser API key (NRBR-)",
    prefixes: ["nriq-", "nrbr-"],
    token: "(?:NRIQ-[A-Za-z0-9_-]{32}|NRBR-[a-f0-9]{19})",
    example: (g) => "NRIQ-" + g.b64url(32)
  }),
  keyed({
    id: "newrelic-license-key-named",
    provider: "New Relic",
    description: "New Relic license or API key named by New Relic (40 characters)",
    keywords: ["newrelic", "new_relic", "new-relic", "nr_license"],
    value: "h40"
  }),
  prefixed({
    id: "atlassian-data-center-pat",
    provider: "Atlassian",
    description: "Bitbucket Data Center HTTP access token (BBDC-)",
    prefixes: ["bbdc-"],
    token: "BBDC-[A-Za-z0-9+/@_-]{44}",
    entropy: 4,
    example: (g) => "BBDC-" + g.b64(44)
  }),
  keyed({
    id: "jira-confluence-data-center-pat",
    provider: "Atlassian",
    description: "Jira / Confluence Data Center personal access token",
    keywords: ["jira", "confluence", "atlassian"],
    value: { re: "[MNO][A-Za-z0-9+/]{43}", example: (g) => "N" + g.b64(43) }
  }),
  prefixed({
    id: "voiceflow-api-key",
    provider: "Voiceflow",
    description: "Voiceflow Dialog Manager / workspace API key",
    prefixes: ["vf.dm.", "vf.ws."],
    token: "VF\\.(?:DM|WS)\\.[a-f0-9]{24}\\.[A-Za-z0-9]{16}",
    example: (g) => "VF.DM." + g.hex(24) + "." + g.alnum(16)
  }),
  prefixed({
    id: "dependency-track-api-key",
    provider: "OWASP Dependency-Track",
    description: "Dependency-Track API key (odt_)",
    prefixes: ["odt_"],
    token: "odt_[A-Za-z0-9]{8}_[A-Za-z0-9]{32}|odt_[A-Za-z0-9]{32,64}",
    entropy: 3.8,
    example: (g) => "odt_" + g.alnum(32)
  }),
  keyed({
    id: "kubernetes-bootstrap-token",
    provider: "Kubernetes",
    description: "Kubernetes bootstrap token (kubeadm join --token)",
    keywords: ["kubeadm", "bootstrap", "--token", "token-id"],
    value: { re: "[a-z0-9]{6}\\.[a-z0-9]{16}", example: (g) => g.lower(6) + "." + g.lower(16) }
  }),
  prefixed({
    id: "ubidots-token",
    provider: "Ubidots",
    description: "Ubidots API token (BBFF-)",
    prefixes: ["bbff-"],
    token: "BBFF-[A-Za-z0-9]{30}",
    example: (g) => "BBFF-" + g.alnum(30)
  }),
  prefixed({
    id: "posthog-personal-api-key",
    provider: "PostHog",
    description: "PostHog personal API key (phx_)",
    prefixes: ["phx_"],
    token: "phx_[A-Za-z0-9]{43}",
    example: (g) => "phx_" + g.alnum(43)
  }),
  prefixed({
    id: "pubnub-secret-key",
    provider: "PubNub",
    description: "PubNub secret key (sec-c-)",
    prefixes: ["sec-c-"],
    token: "sec-c-[A-Za-z0-9]{48}",
    example: (g) => "sec-c-" + g.alnum(48)
  }),
  prefixed({
    id: "maxmind-license-key",
    provider: "MaxMind",
    description: "MaxMind license key (_mmk)",
    prefixes: ["_mmk"],
    token: "[A-Za-z0-9]{6}_[A-Za-z0-9]{29}_mmk",
    example: (g) => g.alnum(6) + "_" + g.alnum(29) + "_mmk"
  }),
  prefixed({
    id: "intra42-client-secret",
    provider: "42 Intra",
    description: "42 Intra client secret",
    prefixes: ["s-s4t2ud-", "s-s4t2af-"],
    token: "s-s4t2(?:ud|af)-[a-f0-9]{64}",
    example: (g) => "s-s4t2ud-" + g.hex(64)
  }),
  prefixed({
    id: "settlemint-token",
    provider: "SettleMint",
    description: "SettleMint personal or application access token",
    prefixes: ["sm_pat_", "sm_aat_", "sm_sat_"],
    token: "sm_(?:pat|aat|sat)_[A-Za-z0-9]{16}",
    example: (g) => "sm_pat_" + g.alnum(16)
  }),
  prefixed({
    id: "telnyx-api-key",
    provider: "Telnyx",
    description: "Telnyx API v2 key",
    prefixes: ["key0", "key1", "key2", "key3", "key4", "key5", "key6", "key7", "key8", "key9"],
    token: "KEY[0-9A-F]{32}_[A-Za-z0-9]{22}",
    example: (g) => "KEY" + g.HEX(32) + "_" + g.alnum(22)
  }),
  prefixed({
    id: "apify-token",
    provider: "Apify",
    description: "Apify API token",
    prefixes: ["apify_api_"],
    token: "apify_api_[A-Za-z0-9]{36}",
    example: (g) => "apify_api_" + g.alnum(36)
  })
];

// src/core/secrets/rules/long-tail.ts
var ROWS = [
  { provider: "Abstract API", keywords: ["abstract"], value: "l32" },
  { provider: "AbuseIPDB", keywords: ["abuseipdb"], value: "h80" },
  { provider: "AccuWeather", keywords: ["accuweather"], value: "a32-35" },
  { provider: "Adzuna", keywords: ["adzuna"], value: "h32" },
  { provider: "Aeroworkflow", keywords: ["aeroworkflow"], value: "a20" },
  { provider: "Agora", keywords: ["agora.io", "agora_app", "agora_cert", "agora_key"], value: "h32" },
  { provider: "Airbrake", keywords: ["airbrake"], value: "h32" },
  { provider: "Aletheia", keywords: ["aletheiaapi", "aletheia"], value: "u32" },
  { provider: "AlienVault OTX", keywords: ["alienvault", "otx_key", "otx_api"], value: "h64" },
  { provider: "AllSports", keywords: ["allsports"], value: "h64" },
  { provider: "Amadeus", keywords: ["amadeus"], value: "a32" },
  { provider: "Ambee", keywords: ["ambee"], value: "h64" },
  { provider: "Api2Cart", keywords: ["api2cart"], value: "h32" },
  { provider: "ApiFlash", keywords: ["apiflash"], value: "h32" },
  { provider: "AppSynergy", keywords: ["appsynergy"], value: "h64" },
  { provider: "Artsy", keywords: ["artsy"], value: "l32" },
  { provider: "Atera", keywords: ["atera"], value: "h32" },
  { provider: "Autoklose", keywords: ["autoklose"], value: "a32" },
  { provider: "Aviationstack", keywords: ["aviationstack"], value: "h32" },
  { provider: "Aylien", keywords: ["aylien"], value: "h32" },
  { provider: "Bannerbear", keywords: ["bannerbear"], value: "a22" },
  { provider: "Baremetrics", keywords: ["baremetrics"], value: "w25" },
  { provider: "Beebole", keywords: ["beebole"], value: "h40" },
  { provider: "Besnappy", keywords: ["besnappy"], value: "h64" },
  { provider: "Bitbar", keywords: ["bitbar"], value: "a32" },
  { provider: "BitcoinAverage", keywords: ["bitcoinaverage"], value: "a43" },
  { provider: "Bitfinex", keywords: ["bitfinex"], value: "a43" },
  { provider: "Bitly", keywords: ["bitly"], value: "h40" },
  { provider: "BitMEX", keywords: ["bitmex"], value: "w48" },
  { provider: "Bittrex", keywords: ["bittrex"], value: "l32" },
  { provider: "Blablabus", keywords: ["blablabus"], value: "a22" },
  { provider: "BlazeMeter", keywords: ["blazemeter"], value: "h64" },
  { provider: "Blitapp", keywords: ["blitapp"], value: "a39" },
  { provider: "Boostnote", keywords: ["boostnote"], value: "h64" },
  { provider: "Brandfetch", keywords: ["brandfetch"], value: "a40" },
  { provider: "BrowserStack", keywords: ["browserstack"], value: "a20" },
  { provider: "Browshot", keywords: ["browshot"], value: "a28" },
  { provider: "BscScan", keywords: ["bscscan"], value: "u34" },
  { provider: "BuddyNS", keywords: ["buddyns"], value: "h40" },
  { provider: "ButterCMS", keywords: ["buttercms"], value: "h40" },
  { provider: "Calendarific", keywords: ["calendarific"], value: "h40" },
  { provider: "CalorieNinjas", keywords: ["calorieninja"], value: "a40" },
  { provider: "Capsule CRM", keywords: ["capsulecrm"], value: "a64" },
  { provider: "Captain Data", keywords: ["captaindata"], value: "h64" },
  { provider: "Carbon Interface", keywords: ["carboninterface"], value: "a21" },
  { provider: "Censys", keywords: ["censys"], value: "a32" },
  { provider: "Centralstation CRM", keywords: ["centralstationcrm"], value: "a30" },
  { provider: "CEX.IO", keywords: ["cexio", "cex.io"], value: "a30" },
  { provider: "ChartMogul", keywords: ["chartmogul"], value: "h32" },
  { provider: "Checkly", keywords: ["checkly"], value: "h32" },
  { provider: "Cicero", keywords: ["cicero"], value: "h40" },
  { provider: "Clarifai", keywords: ["clarifai"], value: "h32" },
  { provider: "Clockify", keywords: ["clockify"], value: "a48" },
  { provider: "Cisco Meraki", keywords: ["meraki"], value: "h40" },
  { provider: "Codacy", keywords: ["codacy"], value: "a32" },
  { provider: "Code Climate", keywords: ["codeclimate"], value: "h64" },
  { provider: "CoinAPI", keywords: ["coinapi"], value: "uuid" },
  { provider: "Coinlayer", keywords: ["coinlayer"], value: "h32" },
  { provider: "ConvertAPI", keywords: ["convertapi"], value: "a16" },
  { provider: "ConvertKit", keywords: ["convertkit"], value: "a22" },
  { provider: "Countrylayer", keywords: ["countrylayer"], value: "h32" },
  { provider: "Coveralls", keywords: ["coveralls"], value: "a33-37" },
  { provider: "CryptoCompare", keywords: ["cryptocompare"], value: "h64" },
  { provider: "Currencycloud", keywords: ["currencycloud"], value: "h64" },
  { provider: "CurrencyFreaks", keywords: ["currencyfreaks"], value: "h32" },
  { provider: "Currencylayer", keywords: ["currencylayer"], value: "h32" },
  { provider: "CurrencyScoop", keywords: ["currencyscoop"], value: "a32" },
  { provider: "Currents API", keywords: ["currentsapi"], value: "w48" },
  { provider: "Customer.io", keywords: ["customerio", "customer.io"], value: "h32" },
  { provider: "Dareboost", keywords: ["dareboost"], value: "a60" },
  { provider: "Deepgram", keywords: ["deepgram"], value: "h40" },
  { provider: "Delighted", keywords: ["delighted"], value: "a32" },
  { provider: "DetectLanguage", keywords: ["detectlanguage"], value: "h32" },
  { provider: "Diffbot", keywords: ["diffbot"], value: "h32" },
  { provider: "Disqus", keywords: ["disqus"], value: "a64" },
  { provider: "Docparser", keywords: ["docparser"], value: "h40" },
  { provider: "DocuSign", keywords: ["docusign"], value: "uuid" },
  { provider: "Dwolla", keywords: ["dwolla"], value: "a50" },
  { provider: "Dynalist", keywords: ["dynalist"], value: "a128" },
  { provider: "Edamam", keywords: ["edamam"], value: "h32" },
  { provider: "Elastic Email", keywords: ["elasticemail"], value: "u96" },
  { provider: "ExchangeRate-API", keywords: ["exchangerate"], value: "h24" },
  { provider: "Exchangerates API", keywords: ["exchangeratesapi"], value: "h32" },
  { provider: "ExtractorAPI", keywords: ["extractorapi"], value: "h40" },
  { provider: "Facebook app secret", keywords: ["facebook", "fb_secret", "fb_app_secret"], value: "h32" },
  { provider: "Financial Modeling Prep", keywords: ["financialmodelingprep", "fmp_api"], value: "a32" },
  { provider: "Finicity", keywords: ["finicity"], value: "h32" },
  { provider: "Finnhub", keywords: ["finnhub"], value: "l20" },
  { provider: "Fixer", keywords: ["fixer.io", "fixerio", "fixer_api"], value: "h32" },
  { provider: "Flickr", keywords: ["flickr"], value: "h32" },
  { provider: "Foursquare", keywords: ["foursquare"], value: "u48" },
  { provider: "FreshBooks", keywords: ["freshbooks"], value: "h64" },
  { provider: "Geoapify", keywords: ["geoapify"], value: "h32" },
  { provider: "Geocodio", keywords: ["geocodio"], value: "h39" },
  { provider: "GetResponse", keywords: ["getresponse"], value: "l32" },
  { provider: "Gitter", keywords: ["gitter"], value: "w40" },
  { provider: "GTmetrix", keywords: ["gtmetrix"], value: "h32" },
  { provider: "Gumroad", keywords: ["gumroad"], value: "w43" },
  { provider: "Gyazo", keywords: ["gyazo"], value: "w43" },
  { provider: "HappyScribe", keywords: ["happyscribe"], value: "a24" },
  { provider: "HelloSign", keywords: ["hellosign"], value: "h64" },
  { provider: "HubSpot legacy API key", keywords: ["hubspot", "hapikey"], value: "uuid" },
  { provider: "Holiday API", keywords: ["holidayapi"], value: "uuid" },
  { provider: "Hunter", keywords: ["hunter.io", "hunterio", "hunter_api"], value: "h40" },
  { provider: "Insightly", keywords: ["insightly"], value: "uuid" },
  { provider: "Integromat", keywords: ["integromat"], value: "uuid" },
  { provider: "ipapi", keywords: ["ipapi"], value: "h32" },
  { provider: "IPGeolocation", keywords: ["ipgeolocation"], value: "h32" },
  { provider: "ipinfodb", keywords: ["ipinfodb"], value: "h64" },
  { provider: "IPQualityScore", keywords: ["ipquality"], value: "a32" },
  { provider: "ipstack", keywords: ["ipstack"], value: "h32" },
  { provider: "JotForm", keywords: ["jotform"], value: "l32" },
  { provider: "JumpCloud", keywords: ["jumpcloud"], value: "h40" },
  { provider: "KuCoin", keywords: ["kucoin"], value: "h24" },
  { provider: "Languagelayer", keywords: ["languagelayer"], value: "h32" },
  { provider: "Last.fm", keywords: ["lastfm", "last.fm"], value: "h32" },
  { provider: "LinkedIn client secret", keywords: ["linkedin"], value: "a16" },
  { provider: "LinkPreview", keywords: ["linkpreview"], value: "h32" },
  { provider: "LocationIQ", keywords: ["locationiq"], value: "h32" },
  { provider: "Looker", keywords: ["looker"], value: "a24" },
  { provider: "Loyverse", keywords: ["loyverse"], value: "h32" },
  { provider: "MadKudu", keywords: ["madkudu"], value: "h32" },
  { provider: "Mailboxlayer", keywords: ["mailboxlayer"], value: "h32" },
  { provider: "MailerLite", keywords: ["mailerlite"], value: "h32" },
  { provider: "MapQuest", keywords: ["mapquest"], value: "a32" },
  { provider: "Marketstack", keywords: ["marketstack"], value: "h32" },
  { provider: "Mattermost access token", keywords: ["mattermost"], value: "l26" },
  { provider: "Mavenlink", keywords: ["mavenlink"], value: "h64" },
  { provider: "MeaningCloud", keywords: ["meaningcloud"], value: "h32" },
  { provider: "Mediastack", keywords: ["mediastack"], value: "h32" },
  { provider: "Mesibo", keywords: ["mesibo"], value: "a64" },
  { provider: "MessageBird access key", keywords: ["messagebird"], value: "a25" },
  { provider: "Mixmax", keywords: ["mixmax"], value: "uuid" },
  { provider: "MonkeyLearn", keywords: ["monkeylearn"], value: "h40" },
  { provider: "MoonClerk", keywords: ["moonclerk"], value: "a32" },
  { provider: "Moosend", keywords: ["moosend"], value: "uuid" },
  { provider: "Moralis", keywords: ["moralis"], value: "a64" },
  { provider: "Nasdaq Data Link", keywords: ["nasdaq", "quandl"], value: "w20" },
  { provider: "Neutrino API", keywords: ["neutrinoapi", "neutrino"], value: "a48" },
  { provider: "NewsAPI", keywords: ["newsapi"], value: "h32" },
  { provider: "NewsCatcher", keywords: ["newscatcher"], value: "w43" },
  { provider: "Nexmo", keywords: ["nexmo"], value: "a16" },
  { provider: "Numverify", keywords: ["numverify"], value: "h32" },
  { provider: "Nutritionix", keywords: ["nutritionix"], value: "h32" },
  { provider: "Nylas", keywords: ["nylas"], value: "a30" },
  { provider: "New York Times", keywords: ["nytimes"], value: "w32" },
  {
    provider: "OANDA",
    keywords: ["oanda"],
    value: { re: "[a-f0-9]{32}-[a-f0-9]{32}", example: (g) => `${g.hex(32)}-${g.hex(32)}` }
  },
  { provider: "OneLogin", keywords: ["onelogin"], value: "h64" },
  { provider: "OneSignal", keywords: ["onesignal"], value: "l48" },
  { provider: "OOPSpam", keywords: ["oopspam"], value: "a40" },
  { provider: "OpenCage", keywords: ["opencage"], value: "h32" },
  { provider: "OpenUV", keywords: ["openuv"], value: "h32" },
  { provider: "OpenWeather", keywords: ["openweather", "owm_api"], value: "h32" },
  { provider: "Optimizely", keywords: ["optimizely"], value: "w54" },
  { provider: "Owlbot", keywords: ["owlbot"], value: "h40" },
  { provider: "packagecloud", keywords: ["packagecloud"], value: "h48" },
  { provider: "PandaDoc", keywords: ["pandadoc"], value: "h40" },
  { provider: "PandaScore", keywords: ["pandascore"], value: "w40" },
  { provider: "ParallelDots", keywords: ["paralleldots"], value: "a43" },
  { provider: "Particle", keywords: ["particle.io", "particle_token", "particle_access"], value: "h40" },
  { provider: "Pastebin", keywords: ["pastebin"], value: "a32" },
  { provider: "PDFLayer", keywords: ["pdflayer"], value: "h32" },
  { provider: "PDFShift", keywords: ["pdfshift"], value: "a32" },
  { provider: "People Data Labs", keywords: ["peopledatalabs"], value: "h64" },
  { provider: "Pepipost", keywords: ["pepipost"], value: "a32" },
  { provider: "Percy", keywords: ["percy_token", "percy"], value: "h64" },
  { provider: "Pipedream", keywords: ["pipedream"], value: "h32" },
  { provider: "Pipedrive", keywords: ["pipedrive"], value: "h40" },
  { provider: "Pivotal Tracker", keywords: ["pivotaltracker", "pivotal_tracker"], value: "h32" },
  { provider: "Polygon.io", keywords: ["polygon.io", "polygon_api", "polygonio"], value: "a32" },
  { provider: "Positionstack", keywords: ["positionstack"], value: "h32" },
  { provider: "PostageApp", keywords: ["postageapp"], value: "a32" },
  { provider: "ProdPad", keywords: ["prodpad"], value: "h64" },
  { provider: "protocols.io", keywords: ["protocols.io", "protocolsio"], value: "h64" },
  { provider: "ProxyCrawl", keywords: ["proxycrawl", "crawlbase"], value: "a22" },
  { provider: "PureStake", keywords: ["purestake"], value: "a40" },
  { provider: "Qase", keywords: ["qase"], value: "a40" },
  { provider: "RapidAPI", keywords: ["rapidapi"], value: "w50" },
  { provider: "RAWG", keywords: ["rawg"], value: "h32" },
  { provider: "Rebrandly", keywords: ["rebrandly"], value: "h32" },
  { provider: "Restpack", keywords: ["restpack"], value: "a48" },
  { provider: "RiteKit", keywords: ["ritekit"], value: "h44" },
  { provider: "RocketReach", keywords: ["rocketreach"], value: "a39" },
  { provider: "Rockset", keywords: ["rockset"], value: "a64" },
  { provider: "Sauce Labs", keywords: ["saucelabs", "sauce_access"], value: "uuid" },
  { provider: "ScrapeOwl", keywords: ["scrapeowl"], value: "h40" },
  { provider: "ScraperAPI", keywords: ["scraperapi"], value: "h32" },
  { provider: "ScraperBox", keywords: ["scraperbox"], value: "u32" },
  { provider: "Scrapestack", keywords: ["scrapestack"], value: "h32" },
  { provider: "ScrapingAnt", keywords: ["scrapingant"], value: "h32" },
  { provider: "ScrapingBee", keywords: ["scrapingbee"], value: "u80" },
  { provider: "Screenshotlayer", keywords: ["screenshotlayer"], value: "h32" },
  { provider: "SecurityTrails", keywords: ["securitytrails"], value: "a32" },
  { provider: "Sendbird", keywords: ["sendbird"], value: "h40" },
  { provider: "SerpHouse", keywords: ["serphouse"], value: "a64" },
  { provider: "Serpstack", keywords: ["serpstack"], value: "h32" },
  { provider: "Shodan", keywords: ["shodan"], value: "a32" },
  { provider: "Shotstack", keywords: ["shotstack"], value: "a40" },
  { provider: "Shutterstock", keywords: ["shutterstock"], value: "a32" },
  { provider: "SigOpt", keywords: ["sigopt"], value: "a48" },
  { provider: "Sinch", keywords: ["sinch"], value: "h32" },
  { provider: "Siteleaf", keywords: ["siteleaf"], value: "h32" },
  { provider: "SkyBiometry", keywords: ["skybiometry"], value: "a25" },
  { provider: "Smartsheet", keywords: ["smartsheet"], value: "a37" },
  {
    provider: "SonarQube legacy token",
    keywords: ["sonar.login", "sonar_token", "sonarqube", "sonarcloud"],
    value: "h40"
  },
  { provider: "Spoonacular", keywords: ["spoonacular"], value: "h32" },
  { provider: "Sportmonks", keywords: ["sportmonks"], value: "a60" },
  { provider: "Squarespace", keywords: ["squarespace"], value: "uuid" },
  { provider: "SSLMate", keywords: ["sslmate"], value: "a36" },
  { provider: "StatusCake", keywords: ["statuscake"], value: "a20" },
  { provider: "StockData", keywords: ["stockdata"], value: "a40" },
  { provider: "Storyblok", keywords: ["storyblok"], value: "a22" },
  { provider: "Strava", keywords: ["strava"], value: "h40" },
  { provider: "Swiftype", keywords: ["swiftype"], value: "w20" },
  { provider: "TaxJar", keywords: ["taxjar"], value: "h32" },
  { provider: "TextMagic", keywords: ["textmagic"], value: "a30" },
  { provider: "The Odds API", keywords: ["oddsapi", "the-odds-api"], value: "h32" },
  { provider: "Ticketmaster", keywords: ["ticketmaster"], value: "a32" },
  { provider: "Tiingo", keywords: ["tiingo"], value: "h40" },
  { provider: "Todoist", keywords: ["todoist"], value: "h40" },
  { provider: "Toggl Track", keywords: ["toggl"], value: "h32" },
  { provider: "Tomorrow.io", keywords: ["tomorrow.io", "tomorrowio"], value: "a32" },
  { provider: "TomTom", keywords: ["tomtom"], value: "a32" },
  { provider: "Tradier", keywords: ["tradier"], value: "a28" },
  { provider: "Travelpayouts", keywords: ["travelpayouts"], value: "h32" },
  { provider: "Travis CI", keywords: ["travis"], value: "w22" },
  { provider: "Twelve Data", keywords: ["twelvedata"], value: "h32" },
  { provider: "Twitch client secret", keywords: ["twitch"], value: "l30" },
  { provider: "Tyntec", keywords: ["tyntec"], value: "a32" },
  { provider: "uClassify", keywords: ["uclassify"], value: "a12" },
  { provider: "Unsplash", keywords: ["unsplash"], value: "w43" },
  { provider: "UPC Database", keywords: ["upcdatabase"], value: "H32" },
  { provider: "UpLead", keywords: ["uplead"], value: "h32" },
  { provider: "Uploadcare", keywords: ["uploadcare"], value: "h20" },
  { provider: "Upwave", keywords: ["upwave"], value: "h32" },
  { provider: "urlscan.io", keywords: ["urlscan"], value: "uuid" },
  { provider: "Userstack", keywords: ["userstack"], value: "h32" },
  { provider: "Vatlayer", keywords: ["vatlayer"], value: "h32" },
  { provider: "Verimail", keywords: ["verimail"], value: "u32" },
  { provider: "Veriphone", keywords: ["veriphone"], value: "H32" },
  { provider: "VersionEye", keywords: ["versioneye"], value: "a40" },
  { provider: "VirusTotal", keywords: ["virustotal"], value: "h64" },
  { provider: "Visual Crossing", keywords: ["visualcrossing"], value: "u25" },
  { provider: "vpnapi.io", keywords: ["vpnapi"], value: "h32" },
  { provider: "Walk Score", keywords: ["walkscore"], value: "h32" },
  { provider: "Weatherbit", keywords: ["weatherbit"], value: "h32" },
  { provider: "Weatherstack", keywords: ["weatherstack"], value: "h32" },
  { provider: "Webex", keywords: ["webex"], value: "a64" },
  { provider: "Webflow", keywords: ["webflow"], value: "h64" },
  { provider: "Web Scraper", keywords: ["webscraper"], value: "a60" },
  { provider: "WebsitePulse", keywords: ["websitepulse"], value: "h32" },
  { provider: "Whoxy", keywords: ["whoxy"], value: "a33" },
  { provider: "Wistia", keywords: ["wistia"], value: "h64" },
  { provider: "Worksnaps", keywords: ["worksnaps"], value: "a40" },
  { provider: "Workstack", keywords: ["workstack"], value: "a60" },
  { provider: "WorldCoinIndex", keywords: ["worldcoinindex"], value: "a35" },
  { provider: "World Weather Online", keywords: ["worldweatheronline"], value: "h31" },
  { provider: "Yelp", keywords: ["yelp"], value: "w128" },
  { provider: "YNAB", keywords: ["ynab", "youneedabudget"], value: "h64" },
  { provider: "Yousign", keywords: ["yousign"], value: "h32" },
  { provider: "ZenRows", keywords: ["zenrows"], value: "h40" },
  { provider: "ZeroBounce", keywords: ["zerobounce"], value: "h32" },
  { provider: "ZipAPI", keywords: ["zipapi"], value: "h32" },
  { provider: "ZipCodeAPI", keywords: ["zipcodeapi"], value: "a64" },
  { provider: "Zulip", keywords: ["zulip"], value: "a32" },
  { provider: "Etsy", keywords: ["etsy"], value: "l24" },
  { provider: "Adobe client id", keywords: ["adobe"], value: "h32" },
  { provider: "Algolia API key", keywords: ["algolia"], value: "l32" },
  { provider: "Alibaba secret", keywords: ["alibaba"], value: "a30" },
  { provider: "Zendesk API token", keywords: ["zendesk"], value: "a40" },
  { provider: "Sentry auth token", keywords: ["sentry"], value: "h64" },
  { provider: "Okta API token", keywords: ["okta"], value: "w42" },
  { provider: "Cloudflare global API key", keywords: ["cloudflare"], value: "h37" },
  { provider: "Heroku API key", keywords: ["heroku"], value: "uuid", id: "heroku-api-key-keyed" },
  { provider: "Mailchimp", keywords: ["mailchimp"], value: "h32", id: "mailchimp-keyed" },
  { provider: "LaunchDarkly", keywords: ["launchdarkly"], value: "uuid", id: "launchdarkly-keyed" },
  { provider: "Datadog app key", keywords: ["datadog"], value: "h40" },
  { provider: "PagerDuty", keywords: ["pagerduty"], value: "w20", id: "pagerduty-keyed" },
  { provider: "Contentful", keywords: ["contentful"], value: "w43", id: "contentful-keyed" },
  { provider: "Asana", keywords: ["asana"], value: "a32", id: "asana-keyed" },
  { provider: "Bitbucket", keywords: ["bitbucket"], value: "w32", id: "bitbucket-keyed" },
  { provider: "Confluent", keywords: ["confluent"], value: "a16", id: "confluent-keyed" },
  { provider: "Dynatrace", keywords: ["dynatrace"], value: "a32", id: "dynatrace-keyed" },
  { provider: "Freshdesk", keywords: ["freshdesk"], value: "a20", id: "freshdesk-keyed" },
  { provider: "Intercom", keywords: ["intercom"], value: "w60", id: "intercom-keyed" },
  { provider: "Mapbox", keywords: ["mapbox"], value: "a32", id: "mapbox-keyed" },
  { provider: "Pusher", keywords: ["pusher"], value: "h20", id: "pusher-keyed" },
  { provider: "Plivo", keywords: ["plivo"], value: "a40", id: "plivo-keyed" },
  { provider: "Twilio", keywords: ["twilio"], value: "h32", id: "twilio-keyed" },
  { provider: "Segment", keywords: ["segment_write", "segment_key"], value: "a32", id: "segment-keyed" },
  { provider: "Netlify", keywords: ["netlify"], value: "w43", id: "netlify-keyed" },
  { provider: "Typeform", keywords: ["typeform"], value: "a44", id: "typeform-keyed" },
  { provider: "Rollbar", keywords: ["rollbar"], value: "h32", id: "rollbar-keyed" },
  { provider: "Honeycomb", keywords: ["honeycomb"], value: "a22", id: "honeycomb-keyed" },
  { provider: "Bugsnag", keywords: ["bugsnag"], value: "h32", id: "bugsnag-keyed" },
  { provider: "Lokalise", keywords: ["lokalise"], value: "h40", id: "lokalise-keyed" },
  { provider: "Crowdin", keywords: ["crowdin"], value: "h80", id: "crowdin-keyed" },
  { provider: "Fastly", keywords: ["fastly"], value: "w32", id: "fastly-keyed" },
  { provider: "Mailjet", keywords: ["mailjet"], value: "h32", id: "mailjet-keyed" },
  { provider: "Zoom", keywords: ["zoom_"], value: "a32", id: "zoom-keyed" },
  { provider: "Spotify", keywords: ["spotify"], value: "h32", id: "spotify-keyed" },
  { provider: "Mixpanel", keywords: ["mixpanel"], value: "h32", id: "mixpanel-keyed" },
  { provider: "Amplitude", keywords: ["amplitude"], value: "h32", id: "amplitude-keyed" },
  { provider: "Cloudinary", keywords: ["cloudinary"], value: "w27", id: "cloudinary-keyed" },
  { provider: "Imgur", keywords: ["imgur"], value: "h40", id: "imgur-keyed" },
  { provider: "Box", keywords: ["box_client", "box_developer", "box_token"], value: "a32", id: "box-keyed" },
  { provider: "Dropbox", keywords: ["dropbox"], value: "a15", id: "dropbox-keyed" },
  { provider: "Kraken", keywords: ["kraken"], value: "b86-88", id: "kraken-keyed" },
  { provider: "Coinbase", keywords: ["coinbase"], value: "a32", id: "coinbase-keyed" },
  { provider: "Binance", keywords: ["binance"], value: "a64", id: "binance-keyed" },
  { provider: "Etherscan", keywords: ["etherscan"], value: "u34", id: "etherscan-keyed" },
  { provider: "Alchemy", keywords: ["alchemy"], value: "w32", id: "alchemy-keyed" },
  { provider: "Infura", keywords: ["infura"], value: "h32", id: "infura-keyed" },
  { provider: "Pinecone", keywords: ["pinecone"], value: "uuid", id: "pinecone-keyed" },
  { provider: "Elastic", keywords: ["elastic_api", "elasticsearch_api"], value: "b40-80", id: "elastic-keyed" },
  { provider: "Postmark", keywords: ["postmark"], value: "uuid", id: "postmark-keyed" },
  { provider: "Square", keywords: ["square_access", "square_token"], value: "w64", id: "square-keyed" },
  { provider: "Shippo", keywords: ["shippo"], value: "h40", id: "shippo-keyed" },
  { provider: "Lob", keywords: ["lob_api", "lob_key", "lob_secret"], value: "h34", id: "lob-keyed" },
  { provider: "EasyPost", keywords: ["easypost"], value: "a22", id: "easypost-keyed" },
  { provider: "Razorpay", keywords: ["razorpay"], value: "a24", id: "razorpay-keyed" },
  { provider: "Paystack", keywords: ["paystack"], value: "h40", id: "paystack-keyed" },
  { provider: "Mollie", keywords: ["mollie"], value: "a30", id: "mollie-keyed" },
  { provider: "Duffel", keywords: ["duffel"], value: "w43", id: "duffel-keyed" },
  { provider: "Zapier", keywords: ["zapier"], value: "h32", id: "zapier-keyed" },
  { provider: "Salesforce", keywords: ["salesforce"], value: "a24", id: "salesforce-keyed" },
  { provider: "Snowflake", keywords: ["snowflake_pass"], value: "a16", id: "snowflake-keyed" },
  { provider: "Firebase database secret", keywords: ["firebase"], value: "a40" },
  { provider: "Gemini exchange", keywords: ["gemini_api", "gemini_secret"], value: "a28" },
  { provider: "Wit.ai", keywords: ["wit.ai", "wit_token"], value: "u32" },
  { provider: "ClickSend", keywords: ["clicksend"], value: "H36" },
  {
    provider: "Deepl",
    keywords: ["deepl"],
    value: { re: "[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}:fx", example: (g) => `${g.uuid()}:fx` }
  },
  { provider: "Browserless", keywords: ["browserless"], value: "uuid" },
  {
    provider: "Airtable legacy API key",
    keywords: ["airtable"],
    value: { re: "key[A-Za-z0-9]{14}", example: (g) => `key${g.alnum(14)}` }
  },
  { provider: "Klaviyo", keywords: ["klaviyo"], value: { re: "pk_[a-z0-9]{34}", example: (g) => `pk_${g.lower(34)}` } },
  { provider: "Clearbit", keywords: ["clearbit"], value: { re: "sk_[a-f0-9]{32}", example: (g) => `sk_${g.hex(32)}` } },
  {
    provider: "Pushbullet",
    keywords: ["pushbullet"],
    value: { re: "o\\.[A-Za-z0-9]{32}", example: (g) => `o.${g.alnum(32)}` }
  },
  {
    provider: "Pixabay",
    keywords: ["pixabay"],
    value: { re: "[0-9]{8}-[a-f0-9]{25}", example: (g) => `${g.digits(8)}-${g.hex(25)}` }
  },
  {
    provider: "Scrapfly",
    keywords: ["scrapfly"],
    value: { re: "scp-live-[a-f0-9]{32}", example: (g) => `scp-live-${g.hex(32)}` }
  },
  {
    provider: "Imagekit",
    keywords: ["imagekit"],
    value: { re: "private_[A-Za-z0-9+/]{27}=", example: (g) => `private_${g.alnum(27)}=` }
  },
  { provider: "ipify", keywords: ["ipify"], value: { re: "at_[A-Za-z0-9]{29}", example: (g) => `at_${g.alnum(29)}` } }
];
var LONG_TAIL_RULES = ROWS.map(keyed);

// src/core/secrets/rules/messaging.ts
var MESSAGING_RULES = [
  prefixed({
    id: "slack-token",
    provider: "Slack",
    description: "Slack bot, user, app, config or refresh token",
    prefixes: ["xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-", "xoxe-", "xoxe.", "xapp-"],
    token: "(?:xox[baprs]-[0-9]{10,13}-[0-9A-Za-z-]{10,80}|xoxe(?:\\.xox[bp])?-1-[A-Za-z0-9]{140,170}|xapp-[0-9]-[A-Z0-9]{9,12}-[0-9]{10,14}-[a-z0-9]{40,80})",
    example: (g) => [
      "xoxb-" + g.digits(12) + "-" + g.digits(13) + "-" + g.alnum(24),
      "xapp-1-A" + g.upper(10) + "-" + g.digits(13) + "-" + g.hex(64)
    ],
    window: { before: 20, after: 400 }
  }),
  prefixed({
    id: "slack-webhook",
    provider: "Slack",
    description: "Slack incoming webhook or workflow URL",
    prefixes: ["hooks.slack.com/"],
    token: "hooks\\.slack\\.com/(?:services/T[A-Z0-9]{6,12}/B[A-Z0-9]{6,12}/[A-Za-z0-9]{23,25}|(?:workflows|triggers)/T[A-Z0-9]{8,12}/A[A-Z0-9]{8,12}/[0-9]{15,20}/[a-f0-9]{32})",
    example: (g) => "https://hooks.slack.com/services/T" + g.upper(10) + "/B" + g.upper(10) + "/" + g.alnum(24)
  }),
  named({
    id: "discord-bot-token",
    provider: "Discord",
    description: "Discord bot token",
    names: ["discord"],
    value: "[MNO][A-Za-z0-9_-]{23,25}\\.[A-Za-z0-9_-]{6}\\.[A-Za-z0-9_-]{27,38}",
    example: (g) => "M" + g.b64url(25) + "." + g.b64url(6) + "." + g.b64url(38)
  }),
  prefixed({
    id: "discord-webhook",
    provider: "Discord",
    description: "Discord webhook URL",
    prefixes: ["discord.com/api/webhooks/", "discordapp.com/api/webhooks/"],
    token: "discord(?:app)?\\.com/api/webhooks/[0-9]{17,20}/[A-Za-z0-9_-]{60,70}",
    example: (g) => "https://discord.com/api/webhooks/" + g.digits(18) + "/" + g.b64url(68)
  }),
  prefixed({
    id: "telegram-bot-token",
    provider: "Telegram",
    description: "Telegram bot token",
    prefixes: [":aa"],
    token: "[0-9]{8,10}:AA[A-Za-z0-9_-]{33}",
    example: (g) => g.digits(10) + ":AA" + g.b64url(33)
  }),
  named({
    id: "twilio-auth-token",
    provider: "Twilio",
    description: "Twilio auth token or API key secret",
    names: ["twilio"],
    // Auth tokens are 32 hex characters; an API key's secret is 32 alphanumerics. `SK` + 32 hex is the
    // API key's SID and `AC` + 32 hex the account SID (Twilio's Key resource documents the SID pattern):
    // identifiers, not secrets, and 34 characters long, so they do not match.
    value: "[A-Za-z0-9]{32}",
    entropy: 3.2,
    example: (g) => g.hex(32),
    negative: ["TWILIO_API_KEY_SID=SK3f9a1c7e5b2d8a4f6c0e9b1d7a3f5c8e"]
  }),
  prefixed({
    id: "sendgrid-api-key",
    provider: "SendGrid",
    description: "SendGrid API key",
    prefixes: ["sg."],
    token: "SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}",
    example: (g) => "SG." + g.b64url(22) + "." + g.b64url(43)
  }),
  prefixed({
    id: "mailgun-api-key",
    provider: "Mailgun",
    description: "Mailgun API key",
    prefixes: ["key-"],
    token: "key-[a-f0-9]{32}",
    entropy: 3.3,
    example: (g) => "key-" + g.hex(32)
  }),
  named({
    id: "mailgun-signing-key",
    provider: "Mailgun",
    description: "Mailgun API or webhook signing key",
    names: ["mailgun"],
    value: "[a-f0-9]{32}-[a-f0-9]{8}-[a-f0-9]{8}",
    example: (g) => g.hex(32) + "-" + g.hex(8) + "-" + g.hex(8)
  }),
  prefixed({
    id: "mailchimp-api-key",
    provider: "Mailchimp",
    description: "Mailchimp API key",
    prefixes: ["-us"],
    token: "[a-f0-9]{32}-us[0-9]{1,2}",
    example: (g) => g.hex(32) + "-us14"
  }),
  prefixed({
    id: "mandrill-api-key",
    provider: "Mandrill",
    description: "Mailchimp Transactional (Mandrill) API key",
    prefixes: ["md-"],
    token: "md-[A-Za-z0-9_-]{22}",
    entropy: 3.8,
    example: (g) => "md-" + g.b64url(22)
  }),
  named({
    id: "postmark-token",
    provider: "Postmark",
    description: "Postmark server or account token",
    names: ["postmark"],
    value: "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
    example: (g) => g.uuid()
  }),
  prefixed({
    id: "brevo-api-key",
    provider: "Brevo",
    description: "Brevo (Sendinblue) API or SMTP key",
    prefixes: ["xkeysib-", "xsmtpsib-"],
    token: "x(?:keysib|smtpsib)-[a-f0-9]{64}-[A-Za-z0-9]{16}",
    example: (g) => "xkeysib-" + g.hex(64) + "-" + g.alnum(16)
  }),
  prefixed({
    id: "resend-api-key",
    provider: "Resend",
    description: "Resend API key",
    prefixes: ["re_"],
    token: "re_[A-Za-z0-9]{8}_[A-Za-z0-9]{24}",
    example: (g) => "re_" + g.alnum(8) + "_" + g.alnum(24)
  }),
  named({
    id: "sparkpost-api-key",
    provider: "SparkPost",
    description: "SparkPost API key",
    names: ["sparkpost"],
    value: "[a-f0-9]{40}",
    example: (g) => g.hex(40)
  }),
  named({
    id: "mailjet-secret",
    provider: "Mailjet",
    description: "Mailjet API secret",
    names: ["mailjet", "mj_apikey"],
    value: "[a-f0-9]{32}",
    example: (g) => g.hex(32)
  }),
  named({
    id: "vonage-api-secret",
    provider: "Vonage",
    description: "Vonage (Nexmo) API secret",
    names: ["vonage", "nexmo"],
    value: "[A-Za-z0-9]{16}",
    entropy: 3.5,
    example: (g) => g.alnum(16)
  }),
  named({
    id: "plivo-auth-token",
    provider: "Plivo",
    description: "Plivo auth token",
    names: ["plivo"],
    value: "[A-Za-z0-9]{40}",
    entropy: 4,
    example: (g) => g.alnum(40)
  }),
  named({
    id: "messagebird-key",
    provider: "MessageBird",
    description: "MessageBird (Bird) access key",
    names: ["messagebird"],
    value: "[A-Za-z0-9]{25}",
    entropy: 3.8,
    example: (g) => g.alnum(25)
  }),
  named({
    id: "pusher-secret",
    provider: "Pusher",
    description: "Pusher Channels app secret",
    names: ["pusher"],
    value: "[a-f0-9]{20}",
    example: (g) => g.hex(20)
  }),
  prefixed({
    id: "teams-webhook",
    provider: "Microsoft Teams",
    description: "Microsoft Teams incoming webhook URL",
    prefixes: ["webhook.office.com/"],
    token: "[a-z0-9-]{1,40}\\.webhook\\.office\\.com/webhookb2/[a-f0-9-]{36}@[a-f0-9-]{36}/IncomingWebhook/[a-f0-9]{32}/[a-f0-9-]{36}",
    example: (g) => "acme.webhook.office.com/webhookb2/" + g.uuid() + "@" + g.uuid() + "/IncomingWebhook/" + g.hex(32) + "/" + g.uuid()
  }),
  prefixed({
    id: "google-chat-webhook",
    provider: "Google Chat",
    description: "Google Chat webhook token",
    prefixes: ["chat.googleapis.com/"],
    token: "chat\\.googleapis\\.com/v1/spaces/[A-Za-z0-9_-]{11}/messages\\?key=[A-Za-z0-9_-]{39}&token=[A-Za-z0-9_%=-]{43,50}",
    example: (g) => "https://chat.googleapis.com/v1/spaces/" + g.b64url(11) + "/messages?key=AIza" + g.b64url(35) + "&token=" + g.b64url(43)
  }),
  prefixed({
    id: "zapier-webhook",
    provider: "Zapier",
    description: "Zapier catch hook URL",
    prefixes: ["hooks.zapier.com/"],
    token: "hooks\\.zapier\\.com/hooks/catch/[0-9]{5,10}/[a-z0-9]{6,8}",
    example: (g) => "https://hooks.zapier.com/hooks/catch/" + g.digits(7) + "/" + g.lower(7)
  }),
  prefixed({
    id: "firebase-cloud-messaging-key",
    provider: "Firebase",
    description: "Firebase Cloud Messaging legacy server key",
    prefixes: ["apa91b"],
    token: "AAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{134}",
    entropy: 4,
    example: (g) => "AAAA" + g.b64url(7) + ":APA91b" + g.b64url(134),
    placeholderFilter: false,
    window: { before: 20, after: 200 }
  }),
  named({
    id: "mattermost-token",
    provider: "Mattermost",
    description: "Mattermost access token",
    names: ["mattermost"],
    value: "[a-z0-9]{26}",
    entropy: 3.8,
    example: (g) => g.lower(26)
  }),
  named({
    id: "line-channel-token",
    provider: "LINE",
    description: "LINE Messaging API channel access token",
    names: ["line_channel", "line_access"],
    value: "[A-Za-z0-9+/]{171,172}={0,1}",
    entropy: 4.5,
    example: (g) => g.b64(172),
    window: { before: 20, after: 260 }
  }),
  prefixed({
    id: "power-automate-webhook",
    provider: "Microsoft Power Automate",
    description: "Power Automate / Logic Apps HTTP trigger URL with its signature",
    prefixes: [".logic.azure.com", ".powerplatform.com"],
    token: `https://[A-Za-z0-9.-]{1,80}\\.(?:logic\\.azure|powerplatform)\\.com(?::443)?/[A-Za-z0-9/._-]{0,120}?workflows/[A-Za-z0-9]{32}/triggers/[A-Za-z0-9_-]{1,40}/paths/invoke[^\\s"'<>]{0,200}?[?&]sig=[A-Za-z0-9_-]{43}`,
    example: (g) => "https://prod-27.westeurope.logic.azure.com:443/workflows/" + g.hex(32) + "/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=" + g.b64url(43)
  }),
  prefixed({
    id: "twitch-stream-key",
    provider: "Twitch",
    description: "Twitch stream key (live_)",
    prefixes: ["live_"],
    token: "live_[0-9]{6,12}_[A-Za-z0-9]{30}",
    example: (g) => "live_" + g.digits(9) + "_" + g.alnum(30)
  })
];

// src/core/secrets/rules/payments.ts
var PAYMENT_RULES = [
  prefixed({
    id: "stripe-secret-key",
    provider: "Stripe",
    description: "Stripe secret or restricted key",
    prefixes: ["sk_live_", "rk_live_", "sk_test_", "rk_test_"],
    // Stripe's security team (quoted in GitLab's secret-detection issue 458019): live keys are
    // `(sk|rk)_live_` + alphanumerics, "longer key lengths" up to 128.
    token: "[sr]k_(?:live|test)_[A-Za-z0-9]{24,128}",
    validate: (s) => !/^sk_(?:live|test)_[a-f0-9]{40}$/.test(s),
    example: (g) => "sk_live_" + g.alnum(99)
  }),
  prefixed({
    id: "stripe-webhook-secret",
    provider: "Stripe",
    description: "Stripe webhook signing secret",
    prefixes: ["whsec_"],
    token: "whsec_[A-Za-z0-9]{32,64}",
    example: (g) => "whsec_" + g.alnum(32)
  }),
  prefixed({
    id: "square-access-token",
    provider: "Square",
    description: "Square access token",
    prefixes: ["eaaa", "sq0atp-"],
    token: "(?:EAAA[A-Za-z0-9_-]{60}|sq0atp-[A-Za-z0-9_-]{22})",
    example: (g) => "EAAA" + g.b64url(60)
  }),
  prefixed({
    id: "square-oauth-secret",
    provider: "Square",
    description: "Square OAuth application secret",
    prefixes: ["sq0csp-"],
    token: "sq0csp-[A-Za-z0-9_-]{43}",
    example: (g) => "sq0csp-" + g.b64url(43)
  }),
  prefixed({
    id: "braintree-access-token",
    provider: "PayPal Braintree",
    description: "PayPal / Braintree access token",
    prefixes: ["access_token$"],
    token: "access_token\\$(?:production|sandbox)\\$[a-z0-9]{16}\\$[a-f0-9]{32}",
    example: (g) => "access_token$production$" + g.lower(16) + "$" + g.hex(32)
  }),
  named({
    id: "paypal-client-secret",
    provider: "PayPal",
    description: "PayPal REST client secret",
    names: ["paypal"],
    value: "E[A-Za-z0-9_-]{79}",
    entropy: 4,
    example: (g) => "E" + g.b64url(79)
  }),
  prefixed({
    id: "adyen-api-key",
    provider: "Adyen",
    description: "Adyen API key",
    prefixes: ["aqe"],
    token: "AQE[a-z][A-Za-z0-9]{3}[A-Za-z0-9+/=_.~-]{90,300}",
    entropy: 4,
    example: (g) => "AQEyhmfx" + g.b64url(120),
    window: { before: 20, after: 340 }
  }),
  prefixed({
    id: "shopify-token",
    provider: "Shopify",
    description: "Shopify access token or shared secret",
    prefixes: ["shpat_", "shpca_", "shppa_", "shpss_"],
    // Shopify's changelog: a static prefix on a 32-character value (38 in all); hex in practice, but
    // the documentation promises only the length.
    token: "shp(?:at|ca|pa|ss)_[A-Za-z0-9]{32}",
    entropy: 3.2,
    example: (g) => ["shpat_" + g.hex(32), "shpss_" + g.alnum(32)]
  }),
  prefixed({
    id: "razorpay-key",
    provider: "Razorpay",
    description: "Razorpay key id",
    prefixes: ["rzp_live_", "rzp_test_"],
    token: "rzp_(?:live|test)_[A-Za-z0-9]{14}",
    example: (g) => "rzp_live_" + g.alnum(14)
  }),
  prefixed({
    id: "paystack-secret-key",
    provider: "Paystack",
    description: "Paystack secret key",
    prefixes: ["sk_live_", "sk_test_"],
    token: "sk_(?:live|test)_[a-f0-9]{40}",
    example: (g) => "sk_test_" + g.hex(40)
  }),
  prefixed({
    id: "flutterwave-key",
    provider: "Flutterwave",
    description: "Flutterwave secret or encryption key",
    prefixes: ["flwseck", "flwpubk"],
    token: "FLW(?:SECK|PUBK)(?:_TEST)?-[a-hA-H0-9]{32}-X",
    example: (g) => "FLWSECK_TEST-" + g.hex(32) + "-X"
  }),
  named({
    id: "mollie-api-key",
    provider: "Mollie",
    description: "Mollie API key",
    names: ["mollie"],
    value: "(?:live|test)_[A-Za-z0-9]{30}",
    example: (g) => "live_" + g.alnum(30)
  }),
  named({
    id: "gocardless-token",
    provider: "GoCardless",
    description: "GoCardless access token",
    names: ["gocardless"],
    value: "(?:live|sandbox)_[A-Za-z0-9_=-]{40}",
    example: (g) => "live_" + g.b64url(40)
  }),
  prefixed({
    id: "plaid-access-token",
    provider: "Plaid",
    description: "Plaid access token",
    prefixes: ["access-production-", "access-sandbox-", "access-development-"],
    token: "access-(?:production|sandbox|development)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
    example: (g) => "access-production-" + g.uuid()
  }),
  named({
    id: "plaid-secret",
    provider: "Plaid",
    description: "Plaid client secret",
    names: ["plaid"],
    value: "[a-f0-9]{30}",
    example: (g) => g.hex(30)
  }),
  prefixed({
    id: "easypost-api-key",
    provider: "EasyPost",
    description: "EasyPost API key",
    prefixes: ["ezak", "eztk"],
    token: "EZ[AT]K[a-zA-Z0-9]{54}",
    example: (g) => "EZAK" + g.alnum(54)
  }),
  prefixed({
    id: "shippo-token",
    provider: "Shippo",
    description: "Shippo API token",
    prefixes: ["shippo_live_", "shippo_test_"],
    token: "shippo_(?:live|test)_[a-f0-9]{40}",
    example: (g) => "shippo_live_" + g.hex(40)
  }),
  prefixed({
    id: "duffel-token",
    provider: "Duffel",
    description: "Duffel API token",
    prefixes: ["duffel_live_", "duffel_test_"],
    token: "duffel_(?:live|test)_[A-Za-z0-9_=-]{43}",
    example: (g) => "duffel_live_" + g.b64url(43)
  }),
  named({
    id: "lob-api-key",
    provider: "Lob",
    description: "Lob API key",
    names: ["lob_api", "lob_key", "lob_secret"],
    value: "(?:live|test)_[a-f0-9]{35}",
    example: (g) => "live_" + g.hex(35)
  }),
  named({
    id: "wise-api-token",
    provider: "Wise",
    description: "Wise (TransferWise) API token",
    names: ["transferwise", "wise_api"],
    value: "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
    example: (g) => g.uuid()
  }),
  named({
    id: "authorize-net-key",
    provider: "Authorize.net",
    description: "Authorize.net transaction key",
    names: ["authorize_net", "authorizenet", "transaction_key"],
    value: "[A-Za-z0-9]{16}",
    entropy: 3,
    example: (g) => g.alnum(16)
  }),
  named({
    id: "coinbase-api-secret",
    provider: "Coinbase",
    description: "Coinbase API secret",
    names: ["coinbase"],
    value: "[A-Za-z0-9]{32}",
    entropy: 4,
    example: (g) => g.alnum(32)
  }),
  named({
    id: "kraken-api-key",
    provider: "Kraken",
    description: "Kraken API private key",
    names: ["kraken"],
    value: "[A-Za-z0-9+/]{80,90}={0,2}",
    entropy: 4.5,
    example: (g) => g.b64(86) + "=="
  }),
  named({
    id: "binance-api-secret",
    provider: "Binance",
    description: "Binance API secret",
    names: ["binance"],
    value: "[A-Za-z0-9]{64}",
    entropy: 4.5,
    example: (g) => g.alnum(64)
  }),
  named({
    id: "alchemy-api-key",
    provider: "Alchemy",
    description: "Alchemy API key",
    names: ["alchemy"],
    value: "[A-Za-z0-9_-]{32}",
    entropy: 4,
    example: (g) => g.b64url(32)
  }),
  named({
    id: "infura-api-key",
    provider: "Infura",
    description: "Infura project secret",
    names: ["infura"],
    value: "[a-f0-9]{32}",
    example: (g) => g.hex(32)
  }),
  named({
    id: "etherscan-api-key",
    provider: "Etherscan",
    description: "Etherscan API key",
    names: ["etherscan"],
    value: "[A-Z0-9]{34}",
    entropy: 4,
    example: (g) => g.upper(34)
  }),
  named({
    id: "checkout-secret-key",
    provider: "Checkout.com",
    description: "Checkout.com secret key",
    names: ["checkout_secret", "cko_secret"],
    value: "sk_(?:sbox_)?[a-z0-9]{26}",
    example: (g) => "sk_sbox_" + g.lower(26)
  }),
  prefixed({
    id: "stripe-payment-intent-secret",
    provider: "Stripe",
    description: "Stripe PaymentIntent / SetupIntent client secret",
    severity: "warning",
    prefixes: ["_secret_"],
    token: "(?:pi|seti)_[A-Za-z0-9]{24}_secret_[A-Za-z0-9]{25}",
    example: (g) => "pi_" + g.alnum(24) + "_secret_" + g.alnum(25)
  })
];

// src/core/secrets/rules/registries.ts
var REGISTRY_RULES = [
  prefixed({
    id: "npm-token",
    provider: "npm",
    description: "npm access token (CRC32-checked)",
    prefixes: ["npm_"],
    token: "npm_[A-Za-z0-9]{36}",
    validate: hasValidBase62Checksum,
    example: (g) => withBase62Checksum("npm_", g.alnum(30)),
    negative: ["npm_R8fJk2LmQ9vXw3ZpT6yBn4HcD7sE1aGu5Kio"]
  }),
  named({
    id: "npmrc-auth-token",
    provider: "npm",
    description: "Registry auth token in .npmrc",
    names: ["_authtoken"],
    value: "[A-Za-z0-9+/=_.-]{20,200}",
    // `_authToken=` names the value precisely; legacy npm tokens are UUIDs (about 3.2-3.9 bits/char).
    entropy: 3,
    example: (g) => g.b64url(36)
  }),
  prefixed({
    id: "pypi-token",
    provider: "PyPI",
    description: "PyPI or TestPyPI upload token",
    prefixes: ["pypi-age"],
    // A macaroon: after the location (`pypi.org`, in the prefix) it carries an identifier and a 32-byte
    // signature, so a real token has well over 70 base64 characters after the prefix.
    token: "pypi-AgE(?:IcHlwaS5vcmc|NdGVzdC5weXBpLm9yZw)[A-Za-z0-9_-]{70,300}",
    example: (g) => "pypi-AgEIcHlwaS5vcmc" + g.b64url(70),
    window: { before: 20, after: 340 }
  }),
  prefixed({
    id: "rubygems-api-key",
    provider: "RubyGems",
    description: "RubyGems API key",
    prefixes: ["rubygems_"],
    token: "rubygems_[a-f0-9]{48}",
    example: (g) => "rubygems_" + g.hex(48)
  }),
  prefixed({
    id: "nuget-api-key",
    provider: "NuGet",
    description: "NuGet API key",
    prefixes: ["oy2"],
    token: "oy2[a-z0-9]{43}",
    entropy: 3.8,
    example: (g) => "oy2" + g.lower(43)
  }),
  prefixed({
    id: "docker-hub-token",
    provider: "Docker Hub",
    description: "Docker Hub personal or organization access token",
    prefixes: ["dckr_pat_", "dckr_oat_"],
    token: "dckr_(?:pat|oat)_[A-Za-z0-9_-]{27,32}",
    example: (g) => "dckr_pat_" + g.b64url(27)
  }),
  prefixed({
    id: "docker-config-auth",
    provider: "Docker",
    description: "Registry credentials in a Docker config.json",
    prefixes: ['"auth"'],
    token: '"auths?"\\s{0,3}:\\s{0,3}"[A-Za-z0-9+/]{16,300}={0,2}"',
    validate: (_s, m) => /:/.test(Buffer.from(m.replace(/^.*:\s*"|"$/g, ""), "base64").toString("latin1")),
    example: (g) => '"auth": "' + Buffer.from(`ci-bot:${g.alnum(20)}`).toString("base64") + '"'
  }),
  prefixed({
    id: "jfrog-api-key",
    provider: "JFrog",
    description: "JFrog Artifactory API key or reference token",
    prefixes: ["akcp", "cmvmdgtuojax"],
    token: "(?:AKCp[A-Za-z0-9]{69}|cmVmdGtuOjAxOj[A-Za-z0-9]{50,70})",
    example: (g) => "AKCp" + g.alnum(69)
  }),
  prefixed({
    id: "crates-io-token",
    provider: "crates.io",
    description: "crates.io API token",
    prefixes: ["cio"],
    token: "cio[A-Za-z0-9]{32}",
    entropy: 4,
    example: (g) => "cio" + g.alnum(32)
  }),
  prefixed({
    id: "clojars-token",
    provider: "Clojars",
    description: "Clojars deploy token",
    prefixes: ["clojars_"],
    token: "CLOJARS_[a-z0-9]{60}",
    example: (g) => "CLOJARS_" + g.lower(60)
  }),
  named({
    id: "packagist-token",
    provider: "Packagist",
    description: "Private Packagist token",
    names: ["packagist"],
    value: "packagist_[a-z]{2,3}_[A-Za-z0-9_]{68}",
    example: (g) => "packagist_uat_" + g.alnum(68)
  }),
  named({
    id: "sonatype-token",
    provider: "Sonatype",
    description: "Sonatype / Maven Central user token",
    names: ["sonatype", "ossrh"],
    value: "[A-Za-z0-9+/]{44}",
    entropy: 4.3,
    example: (g) => g.b64(44)
  }),
  named({
    id: "hex-pm-key",
    provider: "Hex",
    description: "Hex.pm API key",
    names: ["hex_api_key", "hexpm"],
    value: "[a-f0-9]{32}",
    example: (g) => g.hex(32)
  }),
  named({
    id: "quay-token",
    provider: "Quay",
    description: "Quay.io robot token",
    names: ["quay"],
    value: "[A-Z0-9]{64}",
    entropy: 4,
    example: (g) => g.upper(64)
  }),
  named({
    id: "cloudsmith-api-key",
    provider: "Cloudsmith",
    description: "Cloudsmith API key",
    names: ["cloudsmith"],
    value: "[a-f0-9]{40}",
    example: (g) => g.hex(40)
  })
];

// src/core/secrets/rules/index.ts
var BUILTIN_RULES = [
  ...CLOUD_RULES,
  ...CODE_HOSTING_RULES,
  ...PAYMENT_RULES,
  ...MESSAGING_RULES,
  ...AI_RULES,
  ...REGISTRY_RULES,
  ...INFRA_RULES,
  ...LONG_TAIL_RULES,
  ...CONFIG_CREDENTIAL_RULES,
  ...GENERIC_RULES
];

// src/core/secrets/fingerprint.ts
var crypto4 = deferBuiltin("node:crypto");
function secretFingerprint(ruleId, secret) {
  return crypto4().createHash("sha256").update(ruleId).update("\0").update(secret).digest("hex");
}
function parseBaseline(json) {
  const data = JSON.parse(json);
  if (!data || data.version !== 1 || !Array.isArray(data.fingerprints)) {
    throw new Error('baseline: expected {"version": 1, "fingerprints": [...]}');
  }
  const out = /* @__PURE__ */ new Set();
  for (const entry of data.fingerprints) {
    const fp = entry?.fingerprint;
    if (typeof fp !== "string" || !/^[a-f0-9]{64}$/.test(fp))
      throw new Error("baseline: each fingerprint must be 64 hex characters");
    out.add(fp);
  }
  return out;
}

// src/core/secrets/scan.ts
var DEFAULT_WINDOW = { before: 80, after: 320 };
var TOKEN_CHAR = /[A-Za-z0-9_\-+/=]/;
var compiledCache = /* @__PURE__ */ new WeakMap();
function compileRules(rules) {
  const cached = compiledCache.get(rules);
  if (cached) return cached;
  const keywordIds = /* @__PURE__ */ new Map();
  const rulesByKeyword = [];
  const everywhere = [];
  const regexes = rules.map((rule, index) => {
    const keywords = rule.keywords.map((k) => k.toLowerCase()).filter((k) => k.length > 0);
    if (keywords.length === 0) everywhere.push(index);
    for (const k of new Set(keywords)) {
      let id = keywordIds.get(k);
      if (id === void 0) {
        keywordIds.set(k, id = rulesByKeyword.length);
        rulesByKeyword.push([]);
      }
      rulesByKeyword[id].push(index);
    }
    const flags = new Set(rule.pattern.flags.split(""));
    flags.add("g");
    if ((rule.secretGroup ?? 0) !== 0) flags.add("d");
    flags.delete("y");
    return new RegExp(rule.pattern.source, [...flags].join(""));
  });
  const literals = [...keywordIds.keys()];
  const matcher = literals.length === 0 ? void 0 : literals.every((k) => [...k].every((ch) => ch.charCodeAt(0) < 128)) ? lazyAutomaton(literals) : buildRegexMatcher(literals);
  const compiled = {
    rules,
    regexes,
    matcher,
    rulesByKeyword,
    keywordLengths: literals.map((k) => k.length),
    namesProvider: Uint8Array.from(rulesByKeyword, (rs) => rs.some((r) => rules[r].specificity === 2) ? 1 : 0),
    everywhere
  };
  compiledCache.set(rules, compiled);
  return compiled;
}
var PROBE_BUDGET = 32768;
function lazyAutomaton(keywords) {
  let automaton;
  let probed = 0;
  return (text, hit) => {
    if (automaton === void 0 && probed + text.length <= PROBE_BUDGET) {
      probed += text.length;
      probeKeywords(keywords, text, hit);
      return;
    }
    automaton ??= buildAutomaton(keywords);
    automaton(text, hit);
  };
}
function probeKeywords(keywords, text, hit) {
  const folded = text.replace(/[A-Z]+/g, (s) => s.toLowerCase());
  const hits = [];
  keywords.forEach((k, id) => {
    for (let at = folded.indexOf(k); at !== -1; at = folded.indexOf(k, at + 1))
      hits.push([at + k.length, k.length, id]);
  });
  hits.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  for (const [end, length, id] of hits) hit(id, end - length);
}
function buildAutomaton(keywords) {
  const classOf = new Uint8Array(128);
  let classes = 1;
  for (const k of keywords)
    for (let i = 0; i < k.length; i++) {
      const c = k.charCodeAt(i);
      if (classOf[c] === 0) classOf[c] = classes++;
    }
  for (let c = 65; c <= 90; c++) classOf[c] = classOf[c + 32];
  const children = [/* @__PURE__ */ new Map()];
  const outputs = [[]];
  keywords.forEach((k, id) => {
    let s = 0;
    for (let i = 0; i < k.length; i++) {
      const cl = classOf[k.charCodeAt(i)];
      let next = children[s].get(cl);
      if (next === void 0) {
        next = children.length;
        children.push(/* @__PURE__ */ new Map());
        outputs.push([]);
        children[s].set(cl, next);
      }
      s = next;
    }
    outputs[s].push(id);
  });
  const states = children.length;
  const delta = new Int32Array(states * classes);
  const fail = new Int32Array(states);
  const queue = [];
  for (let cl = 0; cl < classes; cl++) {
    const next = children[0].get(cl);
    if (next !== void 0) {
      delta[cl] = next * classes;
      queue.push(next);
    }
  }
  for (let q = 0; q < queue.length; q++) {
    const s = queue[q];
    const f = fail[s];
    outputs[s].push(...outputs[f]);
    for (let cl = 0; cl < classes; cl++) {
      const next = children[s].get(cl);
      if (next !== void 0) {
        fail[next] = delta[f * classes + cl] / classes;
        delta[s * classes + cl] = next * classes;
        queue.push(next);
      } else delta[s * classes + cl] = delta[f * classes + cl];
    }
  }
  for (let i = 0; i < delta.length; i++) if (outputs[delta[i] / classes].length) delta[i] = -delta[i];
  const lengths2 = keywords.map((k) => k.length);
  return (text, hit) => {
    let row = 0;
    for (let i = 0, n = text.length; i < n; i++) {
      const c = text.charCodeAt(i);
      row = delta[row + (c < 128 ? classOf[c] : 0)];
      if (row < 0) {
        row = -row;
        for (const id of outputs[row / classes]) hit(id, i + 1 - lengths2[id]);
      }
    }
  };
}
function buildRegexMatcher(keywords) {
  const order = keywords.map((k, id) => ({ k, id })).sort((a, b) => b.k.length - a.k.length);
  const ids = new Map(order.map(({ k, id }) => [k, id]));
  const re = new RegExp(order.map(({ k }) => escapeRegExp(k)).join("|"), "gi");
  return (text, hit) => {
    re.lastIndex = 0;
    let m;
    while ((m = re.exec(text)) !== null) {
      const id = ids.get(m[0].toLowerCase());
      if (id !== void 0) hit(id, m.index);
    }
  };
}
function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
var combinedCache = /* @__PURE__ */ new WeakMap();
function selectRules(options) {
  const base = options.rules ?? BUILTIN_RULES;
  const extra = options.extraRules;
  if (!extra || extra.length === 0) return base;
  let inner = combinedCache.get(base);
  if (!inner) combinedCache.set(base, inner = /* @__PURE__ */ new WeakMap());
  let combined = inner.get(extra);
  if (!combined) inner.set(extra, combined = [...base, ...extra]);
  return combined;
}
function scanSecrets(lines, options = {}) {
  return scanJoinedLines(lines.map((l) => l.text).join("\n"), (i) => lines[i].line, options);
}
function scanJoinedLines(text, lineNumber, options = {}) {
  if (text.length === 0) return [];
  return scanJoined(text, options, lineNumber);
}
function scanJoined(text, options, lineNumber) {
  const compiled = compileRules(selectRules(options));
  const windows = findWindows(text, compiled);
  const candidates = [];
  const budget = options.userRuleBudget;
  let holes;
  for (const [ruleIndex, spans] of windows) {
    const rule = compiled.rules[ruleIndex];
    const re = compiled.regexes[ruleIndex];
    if (budget && rule.userPattern) {
      holes ??= longLines(text, budget.maxLineLength);
      collectWithinBudget(text, spans, holes, { rule, ruleIndex, re }, budget, candidates);
      continue;
    }
    for (let i = 0; i < spans.length; i += 2) {
      collect(text, spans[i], spans[i + 1], rule, ruleIndex, re, candidates);
    }
  }
  if (candidates.length === 0) return [];
  const lineStarts = [0];
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) lineStarts.push(at + 1);
  const lineText2 = (i) => text.slice(lineStarts[i], i + 1 < lineStarts.length ? lineStarts[i + 1] - 1 : text.length);
  const allow = (options.allow ?? []).map((a) => new RegExp(a));
  const matches = [];
  for (const c of pickMostSpecific(candidates, compiled.rules)) {
    const rule = compiled.rules[c.rule];
    const startIndex = indexOfLine(lineStarts, c.start);
    const inlineAllowed = isSuppressedLine(lineText2(startIndex));
    if (inlineAllowed && options.keepInlineAllowed !== true) continue;
    if (allow.some((a) => a.test(c.secret))) continue;
    const fingerprint = secretFingerprint(rule.id, c.secret);
    if (options.baseline?.has(fingerprint)) continue;
    const endIndex2 = indexOfLine(lineStarts, Math.max(c.start, c.end - 1));
    matches.push({
      ruleId: rule.id,
      description: rule.description,
      severity: rule.severity ?? "error",
      line: lineNumber(startIndex),
      endLine: lineNumber(endIndex2),
      column: c.start - lineStarts[startIndex] + 1,
      offset: c.start,
      secret: c.secret,
      fingerprint,
      ...inlineAllowed ? { inlineAllowed: true } : {}
    });
  }
  return matches.sort((a, b) => a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : 1));
}
function findWindows(text, compiled) {
  const windows = /* @__PURE__ */ new Map();
  if (compiled.everywhere.length > 0) {
    const spans = lineSpans(text, MAX_LINE_FOR_EVERYWHERE);
    for (const r of compiled.everywhere) windows.set(r, spans);
  }
  if (!compiled.matcher) return windows;
  const { rules, rulesByKeyword, keywordLengths, namesProvider } = compiled;
  const hitKeywords = [];
  const hitStarts = [];
  const namedEnds = [];
  const namedStarts = [];
  compiled.matcher(text, (keyword, hit) => {
    hitKeywords.push(keyword);
    hitStarts.push(hit);
    if (namesProvider[keyword] === 1) {
      namedEnds.push(hit + keywordLengths[keyword]);
      namedStarts.push(hit);
    }
  });
  let named2 = 0;
  for (let h = 0; h < hitKeywords.length; h++) {
    const keyword = hitKeywords[h];
    const hit = hitStarts[h];
    const hitEnd = hit + keywordLengths[keyword];
    while (named2 < namedEnds.length && namedEnds[named2] < hitEnd) named2++;
    let insideName = false;
    for (let j = named2 - 1; j >= 0 && namedEnds[j] >= hit - 32; j--) {
      const end = namedEnds[j];
      if (namedStarts[j] <= hit && (end > hit || isKeyRun(text, end, hit))) {
        insideName = true;
        break;
      }
    }
    for (let j = named2; j < namedEnds.length && namedEnds[j] - hitEnd < 64; j++) {
      if (namedStarts[j] <= hit && (namedStarts[j] !== hit || namedEnds[j] !== hitEnd)) {
        insideName = true;
        break;
      }
    }
    for (const r of rulesByKeyword[keyword]) {
      const rule = rules[r];
      if (insideName && (rule.specificity ?? 3) === 1) continue;
      const w = rule.window ?? DEFAULT_WINDOW;
      const start = Math.max(0, hit - w.before);
      const end = Math.min(text.length, hitEnd + w.after);
      let spans = windows.get(r);
      if (!spans) windows.set(r, spans = []);
      const last = spans.length - 1;
      if (last > 0 && spans[last] >= start) {
        if (end > spans[last]) spans[last] = end;
        if (start < spans[last - 1]) spans[last - 1] = start;
      } else spans.push(start, end);
    }
  }
  return windows;
}
var MAX_LINE_FOR_EVERYWHERE = 4096;
function lineSpans(text, max) {
  const spans = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    if (end > start) spans.push(start, Math.min(end, start + max));
    start = end + 1;
  }
  return spans;
}
function collectWithinBudget(text, spans, holes, target, budget, out) {
  const { rule, ruleIndex, re } = target;
  if (budget.exhausted.has(rule.id)) return;
  const { pieces, skipped } = cutOut(spans, holes);
  if (skipped > 0) budget.longLines.set(rule.id, (budget.longLines.get(rule.id) ?? 0) + skipped);
  for (let i = 0; i < pieces.length; i += 2) {
    const spent = budget.spent.get(rule.id) ?? 0;
    if (spent > budget.ms) {
      budget.exhausted.add(rule.id);
      return;
    }
    const started = budget.now();
    collect(text, pieces[i], pieces[i + 1], rule, ruleIndex, re, out);
    budget.spent.set(rule.id, spent + (budget.now() - started));
  }
}
function longLines(text, max) {
  const holes = [];
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    if (end - start > max) holes.push(Math.max(0, start - 1), Math.min(text.length, end + 1));
    start = end + 1;
  }
  return holes;
}
function cutOut(spans, holes) {
  if (holes.length === 0) return { pieces: spans, skipped: 0 };
  const pieces = [];
  const reached = /* @__PURE__ */ new Set();
  for (let i = 0; i < spans.length; i += 2) {
    let start = spans[i];
    const end = spans[i + 1];
    for (let h = firstHoleEndingAfter(holes, start); h < holes.length && holes[h] < end; h += 2) {
      reached.add(h);
      if (holes[h] > start) pieces.push(start, holes[h]);
      start = Math.max(start, holes[h + 1]);
    }
    if (start < end) pieces.push(start, end);
  }
  return { pieces, skipped: reached.size };
}
function firstHoleEndingAfter(holes, offset) {
  let lo = 0;
  let hi = holes.length / 2;
  while (lo < hi) {
    const mid = lo + hi >> 1;
    if (holes[mid * 2 + 1] <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo * 2;
}
function isKeyRun(text, from, to) {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    const ok = c >= 48 && c <= 57 || c >= 65 && c <= 90 || c >= 97 && c <= 122 || c === 95 || c === 46 || c === 45;
    if (!ok) return false;
  }
  return true;
}
function collect(text, from, to, rule, ruleIndex, re, out) {
  const slice = from === 0 && to === text.length ? text : text.slice(from, to);
  const group = rule.secretGroup ?? 0;
  re.lastIndex = 0;
  let m;
  while ((m = re.exec(slice)) !== null) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const matchEnd = from + m.index + m[0].length;
    if (matchEnd === to && to < text.length && TOKEN_CHAR.test(text[to])) continue;
    if (m.index === 0 && from > 0 && TOKEN_CHAR.test(text[from - 1]) && TOKEN_CHAR.test(m[0][0])) continue;
    const secret = m[group];
    if (secret === void 0) continue;
    const at = group === 0 ? m.index : m.indices?.[group]?.[0];
    if (at === void 0) continue;
    if (!isLikelySecret(rule, secret, m[0])) continue;
    out.push({ rule: ruleIndex, start: from + at, end: from + at + secret.length, secret });
  }
}
function isLikelySecret(rule, secret, match2) {
  if (rule.placeholderFilter !== false && isPlaceholder(secret)) return false;
  if (rule.entropy !== void 0 && shannonEntropy(secret) < rule.entropy) return false;
  if (rule.validate && !rule.validate(secret, match2)) return false;
  return true;
}
function pickMostSpecific(candidates, rules) {
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const out = [];
  let best;
  let clusterEnd = -1;
  const better = (a, b) => {
    const sa = rules[a.rule].specificity ?? 3;
    const sb = rules[b.rule].specificity ?? 3;
    if (sa !== sb) return sa > sb;
    if (a.end - a.start !== b.end - b.start) return a.end - a.start > b.end - b.start;
    return a.rule < b.rule;
  };
  for (const c of candidates) {
    if (best && c.start < clusterEnd) {
      if (better(c, best)) best = c;
      clusterEnd = Math.max(clusterEnd, c.end);
      continue;
    }
    if (best) out.push(best);
    best = c;
    clusterEnd = c.end;
  }
  if (best) out.push(best);
  return out;
}
function indexOfLine(starts, offset) {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = lo + hi + 1 >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

// src/core/secrets/hint.ts
function secretHint(secret) {
  const pem = /^-----BEGIN [A-Z0-9 ]{1,40}-----/.exec(secret);
  if (pem) return `${pem[0]}\u2026`;
  const shown = secret.length >= 12 ? 4 : secret.length >= 8 ? 2 : secret.length >= 4 ? 1 : 0;
  return `${secret.slice(0, shown)}\u2026`;
}

// src/core/validators/regex-guard.ts
var import_regjsparser = __toESM(require_parser(), 1);
var MAX_TESTED_LINE_LENGTH = 4096;
var ALLOWED_REGEX_FLAGS = "imsu";
var FEATURES = {
  lookbehind: true,
  namedGroups: true,
  unicodePropertyEscape: true,
  modifiers: true
};
function checkUserRegex(pattern, flags = "") {
  const flag = [...flags].find((f) => !ALLOWED_REGEX_FLAGS.includes(f));
  if (flag !== void 0)
    return {
      kind: "unsupported-flag",
      flag,
      reason: `the flag '${flag}' is not supported; use any of ${ALLOWED_REGEX_FLAGS}`
    };
  try {
    new RegExp(pattern, flags);
  } catch (error) {
    const detail = error.message.replace(/^Invalid regular expression: /, "");
    return { kind: "invalid-syntax", detail, reason: `it is not a valid regular expression: ${detail}` };
  }
  let ast;
  try {
    ast = (0, import_regjsparser.parse)(pattern, flags, FEATURES);
  } catch {
    return {
      kind: "unknown-syntax",
      reason: "it uses syntax the backtracking check does not understand; simplify the pattern"
    };
  }
  const hazard = findHazard(ast, void 0, flags) ?? findSequenceRisk(pattern);
  return hazard === void 0 ? void 0 : { kind: "catastrophic-backtracking", hazard, reason: `it can backtrack catastrophically: ${hazard}` };
}
function repeats(q) {
  return q.max === void 0 || q.max > 1;
}
function findHazard(node, outer, flags) {
  switch (node.type) {
    case "quantifier": {
      if (outer !== void 0 && repeats(node) && node.min !== node.max) {
        return `the quantifier '${node.raw}' is nested inside the repeated '${outer.raw}'; remove the inner or the outer quantifier (e.g. '(a+)+' \u2192 'a+', '(\\w+\\s?)*' \u2192 '[\\w\\s]*')`;
      }
      const next = outer ?? (repeats(node) ? node : void 0);
      return findHazard(node.body[0], next, flags);
    }
    case "disjunction": {
      if (outer !== void 0) {
        const overlap = findOverlap(node.body, flags);
        if (overlap) {
          return `the alternatives '${overlap[0]}' and '${overlap[1]}' inside the repeated '${outer.raw}' can match the same text; make them exclusive or use a character class (e.g. '(a|a)*' \u2192 'a*', '(\\w|\\d)+' \u2192 '\\w+')`;
        }
      }
      return firstHazard(node.body, outer, flags);
    }
    case "alternative":
    case "group":
      return firstHazard(node.body, outer, flags);
    default:
      return void 0;
  }
}
function firstHazard(nodes, outer, flags) {
  for (const n of nodes) {
    const h = findHazard(n, outer, flags);
    if (h !== void 0) return h;
  }
  return void 0;
}
function firstChars(nodes) {
  const out = { atoms: [], any: false, nullable: true };
  for (const n of nodes) {
    const f = firstOf(n);
    out.atoms.push(...f.atoms);
    out.any ||= f.any;
    if (!f.nullable) {
      out.nullable = false;
      break;
    }
  }
  return out;
}
function firstOf(node) {
  switch (node.type) {
    case "value":
    case "characterClass":
    case "characterClassEscape":
    case "unicodePropertyEscape":
    case "dot":
      return { atoms: [node.raw], any: false, nullable: false };
    case "anchor":
      return { atoms: [], any: false, nullable: true };
    case "group":
      if (node.behavior !== "normal" && node.behavior !== "ignore") return { atoms: [], any: false, nullable: true };
      return firstChars(node.body);
    case "alternative":
      return firstChars(node.body);
    case "disjunction": {
      const parts = node.body.map(firstOf);
      return {
        atoms: parts.flatMap((p) => p.atoms),
        any: parts.some((p) => p.any),
        nullable: parts.some((p) => p.nullable)
      };
    }
    case "quantifier": {
      const f = firstOf(node.body[0]);
      return { ...f, nullable: f.nullable || node.min === 0 };
    }
    default:
      return { atoms: [], any: true, nullable: false };
  }
}
var SAMPLES = [
  ...Array.from({ length: 256 }, (_, i) => String.fromCharCode(i)),
  "\u03B1",
  "\u044F",
  "\u4E2D",
  "\u2028",
  "\u3000",
  "\u{1F600}"
];
function findOverlap(alternatives, flags) {
  const firsts = alternatives.map(firstOf);
  for (let i = 0; i < firsts.length; i++) {
    for (let j = i + 1; j < firsts.length; j++) {
      if (overlaps(firsts[i], firsts[j], flags)) return [alternatives[i].raw, alternatives[j].raw];
    }
  }
  return void 0;
}
function overlaps(a, b, flags) {
  if (a.any || b.any || a.nullable || b.nullable) return true;
  const matcher = (atoms) => atoms.map((s) => new RegExp(`^(?:${s})$`, flags));
  const ra = matcher(a.atoms);
  const rb = matcher(b.atoms);
  return SAMPLES.some((c) => ra.some((r) => r.test(c)) && rb.some((r) => r.test(c)));
}
function findSequenceRisk(source) {
  const stack = [{ unbounded: false }];
  let previousUnbounded;
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    let atom;
    let group;
    if (c === "\\") {
      const next = source[i + 1] ?? "";
      if ((next === "p" || next === "P" || next === "u" || next === "k") && source[i + 2] === "{") {
        const close = source.indexOf("}", i);
        atom = source.slice(i, close + 1);
        i = close + 1;
      } else {
        atom = source.slice(i, i + 2);
        i += 2;
      }
    } else if (c === "[") {
      let j = i + 1;
      if (source[j] === "^") j++;
      if (source[j] === "]") j++;
      while (j < source.length && source[j] !== "]") j += source[j] === "\\" ? 2 : 1;
      atom = source.slice(i, j + 1);
      i = j + 1;
    } else if (c === "(") {
      stack.push({ unbounded: false });
      previousUnbounded = void 0;
      i++;
      if (source[i] === "?") {
        i++;
        if (source[i] === "<" && source[i + 1] !== "=" && source[i + 1] !== "!") i = source.indexOf(">", i) + 1;
        else i++;
      }
      continue;
    } else if (c === ")") {
      group = stack.length > 1 ? stack.pop() : void 0;
      atom = ")";
      i++;
    } else if (c === "|") {
      previousUnbounded = void 0;
      i++;
      continue;
    } else {
      atom = c;
      i++;
    }
    const q = readQuantifier(source, i);
    i = q.next;
    const frame = stack[stack.length - 1];
    if (group) {
      if (group.unbounded && q.repeats) return "a repeated group contains an unbounded (or widely bounded) quantifier";
      if (group.unbounded) frame.unbounded = true;
    }
    if (q.unbounded) {
      frame.unbounded = true;
      if (previousUnbounded !== void 0 && tokensOverlap(previousUnbounded, atom)) {
        return `adjacent unbounded (or widely bounded) quantifiers over overlapping characters (${previousUnbounded}, ${atom})`;
      }
      previousUnbounded = atom;
    } else if (!q.optional) {
      previousUnbounded = void 0;
    }
  }
  return void 0;
}
function readQuantifier(source, i) {
  const c = source[i];
  let next = i;
  let unbounded = false;
  let repeats2 = false;
  let optional2 = false;
  if (c === "*" || c === "+") {
    unbounded = repeats2 = true;
    optional2 = c === "*";
    next = i + 1;
  } else if (c === "?") {
    optional2 = true;
    next = i + 1;
  } else if (c === "{") {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i, i + 24));
    if (m) {
      const min = Number(m[1]);
      const max = m[2] === void 0 ? min : m[3] === "" ? Infinity : Number(m[3]);
      unbounded = max === Infinity || max - min > WIDE_RANGE;
      repeats2 = max > 1;
      optional2 = min === 0;
      next = i + m[0].length;
    }
  }
  if (next > i && source[next] === "?") next++;
  return { next, unbounded, repeats: repeats2, optional: optional2 };
}
var WIDE_RANGE = 32;
var BROAD = /* @__PURE__ */ new Set([".", "\\S", "\\w", "\\W", "\\D", "\\s", ")"]);
function tokensOverlap(a, b) {
  return a === b || BROAD.has(a) || BROAD.has(b) || a.startsWith("[^") || b.startsWith("[^");
}

// src/core/secrets/custom.ts
var InvalidSecretRuleError = class extends Error {
  name = "InvalidSecretRuleError";
};
var ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
function compileCustomRules(configs) {
  return configs.map((config) => {
    if (!ID.test(config.id)) {
      throw new InvalidSecretRuleError(`secret rule id '${config.id}' must be kebab-case (a-z, 0-9, -)`);
    }
    let source = config.pattern;
    let flags = "";
    if (source.startsWith("(?i)")) {
      source = source.slice(4);
      flags = "i";
    }
    let pattern;
    try {
      pattern = new RegExp(source, flags);
    } catch (error) {
      throw new InvalidSecretRuleError(
        `secret rule '${config.id}': pattern does not compile (${error instanceof Error ? error.message : String(error)})`
      );
    }
    const risk = checkUserRegex(source, flags);
    if (risk) throw new InvalidSecretRuleError(`secret rule '${config.id}': pattern refused: ${risk.reason}`);
    const keywords = (config.keywords ?? []).map((k) => k.toLowerCase());
    const secretGroup = new RegExp(`${source}|`).exec("").length > 1 ? 1 : 0;
    return {
      id: config.id,
      description: config.description ?? `Custom secret rule ${config.id}`,
      provider: "custom",
      keywords,
      pattern,
      secretGroup,
      ...config.entropy !== void 0 ? { entropy: config.entropy } : {},
      ...config.severity ? { severity: config.severity } : {},
      window: { before: 200, after: 1e3 },
      specificity: 4,
      examples: { positive: [], negative: [] },
      userPattern: true
    };
  });
}

// src/core/validators/pattern-limits.ts
var PATTERN_BUDGET_MS = 1e4;
function describePatternLimit(limit) {
  const who = limit.subject.type === "secret-rule" ? `secret rule '${limit.subject.id}'` : limit.subject.id;
  if (limit.kind === "long-lines") {
    const one = limit.lines === 1;
    if (limit.handling === "cut") {
      return `${who}: ${limit.lines} line${one ? " was" : "s were"} longer than ${limit.maxLength} characters and checked only in ${one ? "its" : "their"} first ${limit.maxLength}`;
    }
    return `${who}: ${limit.lines} line${one ? " was" : "s were"} longer than ${limit.maxLength} characters and not scanned by this rule`;
  }
  const budget = `${limit.budgetMs / 1e3}s`;
  if (limit.subject.type === "secret-rule") {
    return `${who}: the rule used its time budget (${budget}) and stopped; the secret scan is incomplete for it`;
  }
  return `${who}: the pattern used its time budget (${budget}); ${limit.unchecked ?? 0} added lines were not checked`;
}

// src/core/secrets/rule-budget.ts
function createUserRuleBudget(now, ms = PATTERN_BUDGET_MS, maxLineLength = MAX_TESTED_LINE_LENGTH) {
  return { now, ms, maxLineLength, spent: /* @__PURE__ */ new Map(), longLines: /* @__PURE__ */ new Map(), exhausted: /* @__PURE__ */ new Set() };
}
function userRuleLimits(budget) {
  const subject = (id) => ({ type: "secret-rule", id });
  const limits = [...budget.longLines].map(([id, lines]) => ({
    kind: "long-lines",
    subject: subject(id),
    lines,
    maxLength: budget.maxLineLength,
    handling: "skipped"
  }));
  for (const id of budget.exhausted) limits.push({ kind: "time-budget", subject: subject(id), budgetMs: budget.ms });
  return limits;
}

// node_modules/balanced-match/dist/esm/index.js
var range = (a, b, str) => {
  let begs, beg, left, right = void 0, result;
  let ai = str.indexOf(a);
  let bi = str.indexOf(b, ai + 1);
  let i = ai;
  if (ai >= 0 && bi > 0) {
    if (a === b) {
      return [ai, bi];
    }
    begs = [];
    left = str.length;
    while (i >= 0 && !result) {
      if (i === ai) {
        begs.push(i);
        ai = str.indexOf(a, i + 1);
      } else if (begs.length === 1) {
        const r = begs.pop();
        if (r !== void 0)
          result = [r, bi];
      } else {
        beg = begs.pop();
        if (beg !== void 0 && beg < left) {
          left = beg;
          right = bi;
        }
        bi = str.indexOf(b, i + 1);
      }
      i = ai < bi && ai >= 0 ? ai : bi;
    }
    if (begs.length && right !== void 0) {
      result = [left, right];
    }
  }
  return result;
};

// node_modules/brace-expansion/dist/esm/index.js
var escSlash = "\0SLASH" + Math.random().toFixed(16) + "\0";
var escOpen = "\0OPEN" + Math.random().toFixed(16) + "\0";
var escClose = "\0CLOSE" + Math.random().toFixed(16) + "\0";
var escComma = "\0COMMA" + Math.random().toFixed(16) + "\0";
var escPeriod = "\0PERIOD" + Math.random().toFixed(16) + "\0";
var escSlashPattern = new RegExp(escSlash, "g");
var escOpenPattern = new RegExp(escOpen, "g");
var escClosePattern = new RegExp(escClose, "g");
var escCommaPattern = new RegExp(escComma, "g");
var escPeriodPattern = new RegExp(escPeriod, "g");
var slashPattern = /\\\\/g;
var openPattern = /\\{/g;
var closePattern = /\\}/g;
var commaPattern = /\\,/g;
var periodPattern = /\\\./g;
var EXPANSION_MAX = 1e5;
var EXPANSION_MAX_LENGTH = 4e6;
var EXPANSION_MAX_DEPTH = 1e3;
var EXPANSION_MAX_REWRITES = 1e3;
var EXPANSION_MAX_STEPS = 2e7;
var CALL_STEPS = 16;
function numeric(str) {
  return !isNaN(str) ? parseInt(str, 10) : str.charCodeAt(0);
}
function escapeBraces(str) {
  return str.replace(slashPattern, escSlash).replace(openPattern, escOpen).replace(closePattern, escClose).replace(commaPattern, escComma).replace(periodPattern, escPeriod);
}
function unescapeBraces(str) {
  return str.replace(escSlashPattern, "\\").replace(escOpenPattern, "{").replace(escClosePattern, "}").replace(escCommaPattern, ",").replace(escPeriodPattern, ".");
}
function pushAll(target, items) {
  for (let i = 0; i < items.length; i++) {
    target.push(items[i]);
  }
}
function balancedWithBudget(str, masked, budget) {
  if (budget.remaining < 0) {
    return void 0;
  }
  const r = range("{", "}", masked);
  const unmatched = r !== void 0 && masked.indexOf("{") < r[0];
  budget.remaining -= r && !unmatched ? r[1] + 1 : str.length;
  if (!r || budget.remaining < 0) {
    return void 0;
  }
  return {
    end: r[1],
    pre: str.slice(0, r[0]),
    body: str.slice(r[0] + 1, r[1]),
    post: str.slice(r[1] + 1),
    unmatched
  };
}
function maskUnmatchedOpens(masked, budget) {
  budget.remaining -= masked.length;
  const open2 = [];
  for (let i = 0; i < masked.length; i++) {
    const c = masked.charCodeAt(i);
    if (c === 123) {
      open2.push(i);
    } else if (c === 125 && open2.length) {
      open2.pop();
    }
  }
  let out = "";
  let last = 0;
  for (let i = 0; i < open2.length; i++) {
    const at = open2[i];
    out += masked.slice(last, at) + "\0";
    last = at + 1;
  }
  return out + masked.slice(last);
}
function commaSetFollows(str, budget) {
  budget.remaining -= str.length;
  if (budget.remaining < 0) {
    return false;
  }
  let close = false;
  for (let i = str.length - 1; i >= 0; i--) {
    const c = str.charCodeAt(i);
    if (c === 125) {
      close = true;
    } else if (c === 10 || c === 13 || c === 8232 || c === 8233) {
      close = false;
    } else if (c === 44 && close && str.charCodeAt(i + 1) !== 44) {
      return true;
    }
  }
  return false;
}
function parseCommaParts(str, budget) {
  const parts = [];
  let carry = "";
  for (; ; ) {
    const m = balancedWithBudget(str, str, budget);
    if (budget.remaining < 0) {
      return void 0;
    }
    if (!m) {
      const tail = str.split(",");
      tail[0] = carry + tail[0];
      pushAll(parts, tail);
      return parts;
    }
    const { pre, body, post } = m;
    const p = pre.split(",");
    p[0] = carry + p[0];
    p[p.length - 1] += "{" + body + "}";
    if (!post.length) {
      pushAll(parts, p);
      return parts;
    }
    carry = p.pop();
    pushAll(parts, p);
    str = post;
  }
}
function bound(value, fallback) {
  return value === void 0 || isNaN(value) ? fallback : value;
}
function expand(str, options = {}) {
  if (!str) {
    return [];
  }
  const max = bound(options.max, EXPANSION_MAX);
  const maxLength = bound(options.maxLength, EXPANSION_MAX_LENGTH);
  const maxDepth = bound(options.maxDepth, EXPANSION_MAX_DEPTH);
  const maxRewrites = bound(options.maxRewrites, EXPANSION_MAX_REWRITES);
  const maxSteps = bound(options.maxSteps, EXPANSION_MAX_STEPS);
  if (str.slice(0, 2) === "{}") {
    str = "\\{\\}" + str.slice(2);
  }
  return expand_(escapeBraces(str), max, maxLength, maxDepth, 0, maxRewrites, { remaining: maxSteps }, true).map(unescapeBraces);
}
function embrace(str) {
  return "{" + str + "}";
}
function isPadded(el) {
  return /^-?0\d/.test(el);
}
function lte(i, y) {
  return i <= y;
}
function gte(i, y) {
  return i >= y;
}
function combine(acc, pre, values, max, maxLength, dropEmpties, budget) {
  const out = [];
  let length = 0;
  let nonEmpty;
  outer: for (let a = 0; a < acc.length; a++) {
    const prefix2 = acc[a] + pre;
    let vs = values;
    if (dropEmpties && !prefix2) {
      if (!nonEmpty)
        nonEmpty = values.filter((v) => v);
      vs = nonEmpty;
    }
    for (let v = 0; v < vs.length; v++) {
      if (out.length >= max)
        break outer;
      const expansion = prefix2 + vs[v];
      if (length + expansion.length > maxLength)
        break outer;
      out.push(expansion);
      length += expansion.length;
    }
  }
  budget.remaining -= out.length;
  return out;
}
function expandSequence(body, isAlphaSequence, max, maxLength, budget) {
  const n = body.split(/\.\./);
  const N = [];
  if (n[0] === void 0 || n[1] === void 0) {
    return N;
  }
  const x = numeric(n[0]);
  const y = numeric(n[1]);
  const width = Math.max(n[0].length, n[1].length);
  let incr = n.length === 3 && n[2] !== void 0 ? Math.max(Math.abs(numeric(n[2])), 1) : 1;
  let test = lte;
  const reverse = y < x;
  if (reverse) {
    incr *= -1;
    test = gte;
  }
  const pad = n.some(isPadded);
  const cost = pad ? width : 1;
  let length = 0;
  for (let i = x; test(i, y) && N.length < max; i += incr) {
    budget.remaining -= cost;
    if (budget.remaining < 0) {
      return void 0;
    }
    let c;
    if (isAlphaSequence) {
      c = String.fromCharCode(i);
      if (c === "\\") {
        c = "";
      }
    } else {
      c = String(i);
      if (pad) {
        const need = width - c.length;
        if (need > 0) {
          const z = new Array(need + 1).join("0");
          if (i < 0) {
            c = "-" + z + c.slice(1);
          } else {
            c = z + c;
          }
        }
      }
    }
    if (length + c.length > maxLength)
      break;
    N.push(c);
    length += c.length;
  }
  return N;
}
function expand_(str, max, maxLength, maxDepth, depth, maxRewrites, budget, isTop) {
  budget.remaining -= CALL_STEPS;
  if (depth > maxDepth) {
    return [str];
  }
  let acc = [""];
  let rewrites = 0;
  let dropEmpties = false;
  let firstGroup = true;
  let masked = str;
  for (; ; ) {
    const m = balancedWithBudget(str, masked, budget);
    if (!m) {
      return combine(acc, str, [""], max, maxLength, dropEmpties, budget);
    }
    if (m.unmatched) {
      masked = maskUnmatchedOpens(masked, budget);
    }
    const pre = m.pre;
    const literal2 = () => combine(acc, pre + "{" + m.body + "}" + m.post, [""], max, maxLength, dropEmpties, budget);
    if (/\$$/.test(pre)) {
      acc = combine(acc, pre + "{" + m.body + "}", [""], max, maxLength, dropEmpties && !m.post.length, budget);
      firstGroup = false;
      if (!m.post.length)
        break;
      str = m.post;
      masked = masked.slice(m.end + 1);
      continue;
    }
    const isNumericSequence = /^-?\d+\.\.-?\d+(?:\.\.-?\d+)?$/.test(m.body);
    const isAlphaSequence = /^[a-zA-Z]\.\.[a-zA-Z](?:\.\.-?\d+)?$/.test(m.body);
    const isSequence = isNumericSequence || isAlphaSequence;
    const isOptions = m.body.indexOf(",") >= 0;
    if (!isSequence && !isOptions) {
      if (rewrites < maxRewrites && commaSetFollows(m.post, budget)) {
        rewrites++;
        str = m.pre + "{" + m.body + escClose + m.post;
        masked = masked.slice(0, m.end) + escClose + masked.slice(m.end + 1);
        isTop = true;
        continue;
      }
      return literal2();
    }
    if (firstGroup) {
      dropEmpties = isTop && !isSequence;
      firstGroup = false;
    }
    let values;
    if (isSequence) {
      values = expandSequence(m.body, isAlphaSequence, max, maxLength, budget);
      if (!values) {
        return literal2();
      }
    } else {
      let n = parseCommaParts(m.body, budget);
      if (!n) {
        return literal2();
      }
      if (n.length === 1 && n[0] !== void 0) {
        n = expand_(n[0], max, maxLength, maxDepth, depth + 1, maxRewrites, budget, false).map(embrace);
        if (budget.remaining < 0) {
          return literal2();
        }
        if (n.length === 1) {
          const next2 = combine(acc, pre + n[0], [""], max, maxLength, dropEmpties && !m.post.length, budget);
          if (budget.remaining < 0) {
            return literal2();
          }
          acc = next2;
          if (!m.post.length)
            break;
          str = m.post;
          masked = masked.slice(m.end + 1);
          continue;
        }
      }
      let dropsEmpties = dropEmpties && !m.post.length && !pre;
      for (let d = 0; dropsEmpties && d < acc.length; d++) {
        if (acc[d]) {
          dropsEmpties = false;
        }
      }
      values = [];
      let valuesLength = 0;
      outer: for (let j = 0; j < n.length; j++) {
        const expanded = expand_(n[j], max, maxLength, maxDepth, depth + 1, maxRewrites, budget, false);
        if (budget.remaining < 0) {
          return literal2();
        }
        for (let k = 0; k < expanded.length; k++) {
          const v = expanded[k];
          if (dropsEmpties && !v)
            continue;
          if (values.length >= max || valuesLength + v.length > maxLength) {
            break outer;
          }
          values.push(v);
          valuesLength += v.length;
        }
      }
    }
    const next = combine(acc, pre, values, max, maxLength, dropEmpties && !m.post.length, budget);
    if (budget.remaining < 0) {
      return literal2();
    }
    acc = next;
    if (!m.post.length)
      break;
    str = m.post;
    masked = masked.slice(m.end + 1);
  }
  return acc;
}

// node_modules/@isaacs/nonrecursive-glob-match/dist/esm/numeric-range.js
var digit = (a, b) => a === b ? { t: "lit", ch: String(a) } : { t: "class", re: new RegExp(`^[${a}-${b}]$`) };
var prefix = (d, alts) => alts.map((s) => [digit(d, d), ...s]);
var fixed = (a, b) => {
  if (!a)
    return [[]];
  let lo = +a[0];
  let hi = +b[0];
  const ra = a.slice(1);
  const rb = b.slice(1);
  if (lo === hi)
    return prefix(lo, fixed(ra, rb));
  const zeros = "0".repeat(ra.length);
  const nines = "9".repeat(ra.length);
  const out = [];
  if (ra !== zeros)
    out.push(...prefix(lo++, fixed(ra, nines)));
  const last = rb === nines ? [] : prefix(hi--, fixed(zeros, rb));
  if (lo <= hi) {
    out.push([digit(lo, hi), ...Array.from(ra, () => digit(0, 9))]);
  }
  out.push(...last);
  return out;
};
var nonneg = (a, b, width) => {
  if (width) {
    return fixed(String(a).padStart(width, "0"), String(b).padStart(width, "0"));
  }
  const out = [];
  for (let len = String(a).length; len <= String(b).length; len++) {
    const lo = Math.max(a, len === 1 ? 0 : 10 ** (len - 1));
    const hi = Math.min(b, 10 ** len - 1);
    out.push(...fixed(String(lo), String(hi)));
  }
  return out;
};
var numericRange = (loStr, hiStr) => {
  let lo = Number(loStr);
  let hi = Number(hiStr);
  if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi))
    return;
  if (lo > hi)
    [lo, hi] = [hi, lo];
  const padded = /^-?0\d/.test(loStr) || /^-?0\d/.test(hiStr);
  const width = padded ? Math.max(loStr.length, hiStr.length) : 0;
  const out = [];
  if (lo < 0) {
    const neg = nonneg(Math.max(-hi, 1), -lo, width && width - 1);
    out.push(...neg.map((s) => [{ t: "lit", ch: "-" }, ...s]));
  }
  if (hi >= 0)
    out.push(...nonneg(Math.max(lo, 0), hi, width));
  return out;
};

// node_modules/@isaacs/nonrecursive-glob-match/dist/esm/parse-class.js
var posixClasses = {
  "[:alnum:]": ["\\p{L}\\p{Nl}\\p{Nd}"],
  "[:alpha:]": ["\\p{L}\\p{Nl}"],
  "[:ascii:]": ["\\x00-\\x7f"],
  "[:blank:]": ["\\p{Zs}\\t"],
  "[:cntrl:]": ["\\p{Cc}"],
  "[:digit:]": ["\\p{Nd}"],
  "[:graph:]": ["\\p{Z}\\p{C}", true],
  "[:lower:]": ["\\p{Ll}"],
  "[:print:]": ["\\p{C}", true],
  "[:punct:]": ["\\p{P}\\p{S}"],
  "[:space:]": ["\\p{Z}\\t\\r\\n\\v\\f"],
  "[:upper:]": ["\\p{Lu}"],
  "[:word:]": ["\\p{L}\\p{Nl}\\p{Nd}\\p{Pc}"],
  "[:xdigit:]": ["A-Fa-f0-9"]
};
var braceEscape = (s) => s.replace(/[[\]\\-]/g, "\\$&");
var noMatch = /$./;
var parseClass = (glob, position, nocase = false, form) => {
  const norm = (c) => {
    const n = form ? c.normalize(form) : c;
    return [...n].length === 1 ? n : c;
  };
  const pos = position;
  if (glob.charAt(pos) !== "[") {
    throw new Error("not in a brace expression");
  }
  const ranges = [];
  const negs = [];
  let i = pos + 1;
  let sawStart = false;
  let escaping = false;
  let negate = false;
  let endPos = pos;
  let rangeStart = "";
  WHILE: while (i < glob.length) {
    const c = String.fromCodePoint(glob.codePointAt(i));
    if ((c === "!" || c === "^") && i === pos + 1) {
      negate = true;
      i++;
      continue;
    }
    if (c === "]" && sawStart && !escaping) {
      endPos = i + 1;
      break;
    }
    sawStart = true;
    if (c === "\\") {
      if (!escaping) {
        escaping = true;
        i++;
        continue;
      }
    }
    if (c === "[" && !escaping) {
      for (const [cls, [unip, neg]] of Object.entries(posixClasses)) {
        if (glob.startsWith(cls, i)) {
          if (rangeStart) {
            return [noMatch, glob.length - pos];
          }
          i += cls.length;
          if (neg)
            negs.push(unip);
          else
            ranges.push(unip);
          continue WHILE;
        }
      }
    }
    escaping = false;
    const n = norm(c);
    if (rangeStart) {
      if (n.codePointAt(0) > rangeStart.codePointAt(0)) {
        ranges.push(braceEscape(rangeStart) + "-" + braceEscape(n));
      } else if (n === rangeStart) {
        ranges.push(braceEscape(n));
      }
      rangeStart = "";
      i += c.length;
      continue;
    }
    if (glob.startsWith("-]", i + c.length)) {
      ranges.push(braceEscape(n + "-"));
      i += c.length + 1;
      continue;
    }
    if (glob.startsWith("-", i + c.length)) {
      rangeStart = n;
      i += c.length + 1;
      continue;
    }
    ranges.push(braceEscape(n));
    i += c.length;
  }
  if (endPos < i) {
    return [noMatch, 0];
  }
  if (!ranges.length && !negs.length) {
    return [noMatch, glob.length - pos];
  }
  const sranges = "[" + (negate ? "^" : "") + ranges.join("") + "]";
  const snegs = "[" + (negate ? "" : "^") + negs.join("") + "]";
  const comb = "^" + (ranges.length && negs.length ? "(" + sranges + "|" + snegs + ")" : ranges.length ? sranges : snegs);
  return [new RegExp(comb, nocase ? "iu" : "u"), endPos - pos];
};

// node_modules/@isaacs/nonrecursive-glob-match/dist/esm/index.js
var MATCH = { t: "match", id: 0 };
var extTypes = "!?+*@";
var lit = (ch) => ({ t: "lit", ch });
var reEscape = (s) => s.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
var newFoldRe = (s) => new RegExp(`^${reEscape(s)}$`, "iu");
var foldCache = /* @__PURE__ */ new Map();
var foldRe = (ch) => {
  let re = foldCache.get(ch);
  if (!re) {
    re = newFoldRe(ch);
    if (foldCache.size >= 1e3)
      foldCache.clear();
    foldCache.set(ch, re);
  }
  return re;
};
var litMatch = (l, c) => {
  if (c === l.ch)
    return true;
  if (!l.re)
    return false;
  const code = c.charCodeAt(0);
  if (code >= 128)
    return l.re.test(c);
  const ascii = l.ascii ??= new Uint8Array(128);
  ascii[code] ||= l.re.test(c) ? 1 : 2;
  return ascii[code] === 1;
};
var tokenize = (p, nocase, noext, form, mark) => {
  const toks = [];
  for (let i = 0; i < p.length; ) {
    const c = String.fromCodePoint(p.codePointAt(i));
    if (mark) {
      const m = c === "\\" && p.startsWith(mark, i + 1) ? 1 : 0;
      if (m || c === mark) {
        const start = i + m + mark.length;
        const end = p.indexOf(mark, start);
        const r = /^(-?\d+)\.\.(-?\d+)$/.exec(p.slice(start, end));
        const alts = end !== -1 && r && numericRange(r[1], r[2]);
        if (alts) {
          toks.push({ t: "ext", type: "@", alts });
          i = end + mark.length;
          continue;
        }
      }
    }
    if (c === "\\") {
      const e = p.codePointAt(i + 1);
      const ch = e === void 0 ? c : String.fromCodePoint(e);
      toks.push(lit(ch));
      i += 1 + ch.length;
      continue;
    }
    if (c === "[") {
      const [re, consumed] = parseClass(p, i, nocase, form);
      if (consumed) {
        toks.push({ t: "class", re });
        i += consumed;
        continue;
      }
    }
    if (!noext && extTypes.includes(c) && p[i + 1] === "(") {
      toks.push({ t: "open", type: c });
      i += 2;
      continue;
    }
    toks.push(!noext && c === "|" ? { t: "bar" } : !noext && c === ")" ? { t: "close" } : c === "*" ? { t: "star" } : c === "?" ? { t: "any" } : lit(c));
    i += c.length;
  }
  return toks;
};
var pair = (toks) => {
  const pairs = /* @__PURE__ */ new Map();
  const stack = [];
  toks.forEach((tok, i) => {
    if (tok.t === "open")
      stack.push(i);
    else if (tok.t === "close" && stack.length)
      pairs.set(stack.pop(), i);
  });
  return pairs;
};
var build = (toks, pairs, start, end, top) => {
  let seq = [];
  const alts = [seq];
  for (let i = start; i < end; i++) {
    const tok = toks[i];
    const close = pairs.get(i);
    if (tok.t === "open" && close !== void 0) {
      const sub = build(toks, pairs, i + 1, close, false);
      seq.push({ t: "ext", type: tok.type, alts: sub });
      i = close;
    } else if (tok.t === "bar" && !top) {
      alts.push(seq = []);
    } else if (tok.t === "open") {
      seq.push(lit(tok.type), lit("("));
    } else if (tok.t === "bar") {
      seq.push(lit("|"));
    } else if (tok.t === "close") {
      seq.push(lit(")"));
    } else {
      seq.push(tok);
    }
  }
  return alts;
};
var normalize = (items, form) => {
  const out = [];
  let run2 = "";
  const flush = () => {
    for (const ch of run2.normalize(form))
      out.push(lit(ch));
    run2 = "";
  };
  for (const it of items) {
    if (it.t === "lit") {
      run2 += it.ch;
      continue;
    }
    flush();
    out.push(it.t === "ext" ? { ...it, alts: it.alts.map((a) => normalize(a, form)) } : it);
  }
  flush();
  return out;
};
var compile = (items, nocase) => {
  let id = 1;
  const split = (out) => ({ t: "split", id: id++, out });
  const seq = (items2, next) => items2.reduceRight((next2, it) => item(it, next2), next);
  const item = (it, next) => {
    switch (it.t) {
      case "lit":
        const re = nocase ? foldRe(it.ch) : void 0;
        return { t: "lit", id: id++, ch: it.ch, re, next };
      case "any":
      case "star":
        return { t: it.t, id: id++, next };
      case "class":
        return { t: "class", id: id++, re: it.re, next };
    }
    const alts = (next2) => it.alts.map((a) => seq(a, next2));
    switch (it.type) {
      case "@":
        return split(alts(next));
      case "?":
        return split([next, ...alts(next)]);
      case "!":
        return { t: "neg", id: id++, sub: split(alts(MATCH)), next };
    }
    const after = split([]);
    const entry = split(alts(after));
    after.out.push(next, entry);
    return it.type === "*" ? after : entry;
  };
  const start = seq(items, MATCH);
  return [start, id];
};
var show = (start) => {
  const lines = [];
  const seen = /* @__PURE__ */ new Set();
  const ref = (n) => n.t === "match" ? "match" : String(n.id);
  const walk = (n, indent) => {
    if (n.t === "match" || seen.has(n))
      return;
    seen.add(n);
    const line = (desc) => lines.push(`${indent}${n.id}: ${desc}`);
    switch (n.t) {
      case "split":
        line(`split -> ${n.out.map(ref).join(", ")}`);
        for (const o of n.out)
          walk(o, indent);
        return;
      case "neg":
        line(`!(${ref(n.sub)}) -> ${ref(n.next)}`);
        walk(n.sub, indent + "  ");
        return walk(n.next, indent);
      case "lit":
        line(`${JSON.stringify(n.ch)} -> ${ref(n.next)}`);
        break;
      case "class":
        line(`${n.re} -> ${ref(n.next)}`);
        break;
      default:
        line(`${n.t === "any" ? "?" : "*"} -> ${ref(n.next)}`);
    }
    walk(n.next, indent);
  };
  walk(start, "");
  return [`start -> ${ref(start)}`, ...lines].join("\n");
};
var State = class {
  // set by the Sim, to mark the nodes that this state has
  gen;
  threads = [];
  match = false;
  runs = [];
  // the sorted ids of the threads, with 0 for a match, once the
  // state is done
  ids = [];
  constructor(gen) {
    this.gen = gen;
  }
  // no threads, so nothing more can match
  get dead() {
    return !this.threads.length && !this.match && !this.runs.length;
  }
};
var sameState = (a, b) => {
  if (a.ids.length !== b.ids.length)
    return false;
  if (a.runs.length !== b.runs.length)
    return false;
  if (a.ids.some((id, i) => id !== b.ids[i]))
    return false;
  return a.runs.every((r) => b.runs.some((o) => o.neg === r.neg && sameState(o.state, r.state)));
};
var marks = (size) => ({
  has: new Float64Array(size),
  seen: new Float64Array(size),
  gen: 0
});
var Sim = class {
  // `.` and `..` only match literal dots, even with `dot:true`
  dots;
  // the string starts with `.`, and `dot:true` is not set
  dotStart;
  #marks;
  constructor(dots, dotStart, marks2) {
    this.dots = dots;
    this.dotStart = dotStart;
    this.#marks = marks2;
  }
  state() {
    return new State(++this.#marks.gen);
  }
  // sort the ids of a state, once it has all of its threads
  done(state) {
    state.ids = state.threads.map((n) => n.id).sort((a, b) => a - b);
    if (state.match)
      state.ids.unshift(MATCH.id);
    return state;
  }
  // true the first time that the state walks through the node, so
  // that loops in the graph stop
  #visit(state, node) {
    const { seen } = this.#marks;
    if (seen[node.id] === state.gen)
      return false;
    seen[node.id] = state.gen;
    return true;
  }
  #addThread(state, node) {
    const { has } = this.#marks;
    if (has[node.id] === state.gen)
      return false;
    has[node.id] = state.gen;
    state.threads.push(node);
    return true;
  }
  // wildcards only match a leading dot if `dot:true`. In a negated
  // sub-pattern, this does not apply, because the negation itself
  // can not match a leading dot.
  restricted(i, top) {
    return top && (this.dots || this.dotStart && i === 0);
  }
  add(state, node, i, top) {
    switch (node.t) {
      case "split":
        if (!this.#visit(state, node))
          return;
        for (const o of node.out)
          this.add(state, o, i, top);
        return;
      case "neg":
        if (!this.#visit(state, node))
          return;
        const sub = this.state();
        this.add(sub, node.sub, i, false);
        this.done(sub);
        return this.addRun(state, { t: "run", neg: node, state: sub }, i, top);
      case "star":
        if (this.restricted(i, top))
          return;
        if (this.#addThread(state, node))
          this.add(state, node.next, i, top);
        return;
      case "match":
        state.match = true;
        return;
      default:
        this.#addThread(state, node);
    }
  }
  addRun(state, run2, i, top) {
    for (const r of state.runs) {
      if (r.neg === run2.neg && sameState(r.state, run2.state))
        return;
    }
    state.runs.push(run2);
    if (!run2.state.match) {
      this.add(state, run2.neg.next, i, top);
    }
  }
  // the threads after char `c`, at index `i`
  step(state, c, i, top) {
    const next = this.state();
    for (const th of state.threads) {
      switch (th.t) {
        case "lit":
          if (litMatch(th, c)) {
            this.add(next, th.next, i + 1, top);
          }
          break;
        case "any":
          if (!this.restricted(i, top))
            this.add(next, th.next, i + 1, top);
          break;
        case "class":
          if (!this.restricted(i, top) && th.re.test(c)) {
            this.add(next, th.next, i + 1, top);
          }
          break;
        case "star":
          if (!this.restricted(i, top))
            this.add(next, th, i + 1, top);
      }
    }
    if (!this.restricted(i, top)) {
      for (const run2 of state.runs) {
        if (run2.state.dead) {
          this.addRun(next, run2, i + 1, top);
          continue;
        }
        const sub = this.step(run2.state, c, i, false);
        this.addRun(next, { t: "run", neg: run2.neg, state: sub }, i + 1, top);
      }
    }
    return this.done(next);
  }
};
var stateKey = (state) => {
  const ids = state.ids.join();
  if (!state.runs.length)
    return ids;
  const runs = state.runs.map((r) => `${r.neg.id}(${stateKey(r.state)})`);
  return `${ids}|${runs.sort().join("|")}`;
};
var DFA_BUDGET = 1 << 18;
var Dfa = class {
  #start;
  #states = /* @__PURE__ */ new Map();
  #size = 0;
  #plain;
  #dotStart;
  #sim;
  #dotSim;
  constructor(start, marks2) {
    this.#start = start;
    this.#sim = new Sim(false, false, marks2);
    this.#dotSim = new Sim(false, true, marks2);
  }
  #make(state) {
    return {
      state,
      match: state.match,
      dead: state.dead,
      next: /* @__PURE__ */ new Map()
    };
  }
  #intern(state) {
    const key = stateKey(state);
    const found = this.#states.get(key);
    if (found)
      return found;
    if (this.#size > DFA_BUDGET)
      this.#clear();
    const d = this.#make(state);
    this.#states.set(key, d);
    this.#size += key.length + 1;
    return d;
  }
  #clear() {
    this.#states.clear();
    this.#size = 0;
    this.#plain = void 0;
    this.#dotStart = void 0;
  }
  start(dotStart) {
    if (dotStart) {
      if (this.#dotStart)
        return this.#dotStart;
      const state2 = this.#dotSim.state();
      this.#dotSim.add(state2, this.#start, 0, true);
      return this.#dotStart = this.#make(this.#dotSim.done(state2));
    }
    if (this.#plain)
      return this.#plain;
    const state = this.#sim.state();
    this.#sim.add(state, this.#start, 0, true);
    return this.#plain = this.#intern(this.#sim.done(state));
  }
  // the next state, after a miss in `d.ascii`
  next(d, c) {
    const code = c.charCodeAt(0);
    const found = code < 128 ? void 0 : d.next.get(c);
    if (found)
      return found;
    const n = d === this.#dotStart ? this.#intern(this.#dotSim.step(d.state, c, 0, true)) : this.#intern(this.#sim.step(d.state, c, 1, true));
    if (code < 128) {
      if (!d.ascii) {
        d.ascii = new Array(128);
        this.#size += 128;
      }
      d.ascii[code] = n;
    } else {
      d.next.set(c, n);
    }
    this.#size++;
    return n;
  }
};
var linear = (start) => {
  const nodes = [];
  for (let n = start; n.t !== "match"; n = n.next) {
    if (n.t === "split" || n.t === "neg")
      return void 0;
    nodes.push(n);
  }
  return nodes;
};
var testLinear = (nodes, chars, start, end) => {
  let ni = 0;
  let ci = start;
  let starNi = -1;
  let starCi = 0;
  while (ci < end) {
    const n = nodes[ni];
    if (n?.t === "star") {
      starNi = ni++;
      starCi = ci;
      continue;
    }
    const c = chars[ci];
    if (n && (n.t === "any" || n.t === "lit" && litMatch(n, c) || n.t === "class" && n.re.test(c))) {
      ni++;
      ci++;
      continue;
    }
    if (starNi === -1)
      return false;
    ni = starNi + 1;
    ci = ++starCi;
  }
  while (nodes[ni]?.t === "star")
    ni++;
  return ni === nodes.length;
};
var lengths = (items) => {
  let min = 0;
  let max = 0;
  for (const it of items) {
    const [lo, hi] = itemLengths(it);
    min += lo;
    max += hi;
  }
  return [min, max];
};
var itemLengths = (it) => {
  if (it.t === "star")
    return [0, Infinity];
  if (it.t !== "ext")
    return [1, 1];
  if (it.type === "!")
    return [0, Infinity];
  const alts = it.alts.map(lengths);
  const min = Math.min(...alts.map((a) => a[0]));
  const max = Math.max(...alts.map((a) => a[1]));
  const loop = max === 0 ? 0 : Infinity;
  return it.type === "@" ? [min, max] : it.type === "?" ? [0, max] : it.type === "*" ? [0, loop] : [min, loop];
};
var hasAffix = (lits, chars, start) => {
  for (let j = 0; j < lits.length; j++) {
    if (!litMatch(lits[j], chars[start + j]))
      return false;
  }
  return true;
};
var slashOrSurrogate = /[/\ud800-\udfff]/;
var surrogate = /[\ud800-\udfff]/;
var codePoints = (s) => surrogate.test(s) ? [...s] : s;
var noSlash = (s) => {
  if (s.includes("/")) {
    throw new Error("can only match a single path portion, got: " + s);
  }
};
var Matcher = class {
  pattern;
  options;
  #start;
  // the number of node ids
  #size;
  #marks;
  // the Sim for strings that are only `.` or `..`
  #dotsSim;
  // the string to compare, if the pattern has no magic. With
  // `nocase:true`, the RegExp that folds case is made when it is
  // first used.
  #literal;
  #literalFold = false;
  #literalRe;
  // the nodes between the prefix and suffix, if the graph is a
  // single chain
  #linear;
  // the linear nodes are only `*` and `?`, so the length bounds and
  // the prefix and suffix decide the match
  #wild = false;
  // the least and most chars that a match can have
  #min = 0;
  #max = Infinity;
  // the literals that a match must start and end with. Each one
  // matches exactly one char, and they are distinct items in the
  // pattern, so a string that does not have them can not match.
  #prefix = [];
  #suffix = [];
  // the prefix and suffix as strings, if they do not fold case
  #prefixStr;
  #suffixStr;
  // there is a prefix or suffix to check
  #affix = false;
  #dfa;
  #form;
  constructor(pattern, options = {}) {
    if (pattern.includes("/")) {
      throw new Error("can only match a single path portion, got pattern: " + pattern);
    }
    this.pattern = pattern;
    this.options = options;
    const { nocase = false, noext = false, normalize: n } = options;
    this.#form = n === true ? "NFC" : n || void 0;
    const literal2 = /^[?*+@]\(\)$/.test(pattern);
    const toks = tokenize(pattern, nocase, noext || literal2, this.#form, options.rangeMark);
    let [items] = build(toks, pair(toks), 0, toks.length, true);
    if (this.#form)
      items = normalize(items, this.#form);
    const [start, size] = compile(items, nocase);
    this.#start = start;
    this.#size = size;
    if (items.every((it) => it.t === "lit")) {
      this.#literal = items.map((it) => it.ch).join("");
      this.#literalFold = nocase;
    } else {
      const lit2 = (it) => it.t !== "lit" ? void 0 : nocase ? { ch: it.ch, re: foldRe(it.ch) } : { ch: it.ch };
      for (const it of items) {
        const l = lit2(it);
        if (!l)
          break;
        this.#prefix.push(l);
      }
      for (let j = items.length - 1; j >= 0; j--) {
        const l = lit2(items[j]);
        if (!l)
          break;
        this.#suffix.unshift(l);
      }
      this.#affix = !!(this.#prefix.length || this.#suffix.length);
      if (!nocase) {
        this.#prefixStr = this.#prefix.map((l) => l.ch).join("");
        this.#suffixStr = this.#suffix.map((l) => l.ch).join("");
      }
      this.#linear = linear(this.#start)?.slice(this.#prefix.length, -this.#suffix.length || void 0);
      this.#wild = !!this.#linear?.every((n2) => n2.t === "star" || n2.t === "any");
      const [min, max] = lengths(items);
      this.#min = min;
      this.#max = max;
    }
  }
  test(s) {
    if (this.#form) {
      noSlash(s);
      return this.#test(s.normalize(this.#form));
    }
    if (slashOrSurrogate.test(s)) {
      noSlash(s);
      return this.#test(s, [...s]);
    }
    return this.#test(s, s);
  }
  /**
   * The same as {@link Matcher#test}, but the string is not checked
   * for `/` chars, so the result for a string that has one is not
   * defined. Only use it for a string that is known to be one path
   * portion, such as a part of a path that was split on `/`. It can
   * be faster, because some patterns do not need to look at each char
   * of the string.
   */
  testUnchecked(s) {
    return this.#test(this.#form ? s.normalize(this.#form) : s);
  }
  // Test a string that has no `/`. `chars` indexes it by code point.
  // If it is not given, it is only found if a step needs it.
  #test(s, chars) {
    if (this.#literal !== void 0) {
      return this.#literalFold ? (this.#literalRe ??= newFoldRe(this.#literal)).test(s) : s === this.#literal;
    }
    const min = this.#min;
    const max = this.#max;
    if (chars === void 0) {
      const most = s.length;
      const least = most + 1 >> 1;
      if (most < min || least > max)
        return false;
      if (least < min || most > max)
        chars = codePoints(s);
    }
    if (chars !== void 0 && (chars.length < min || chars.length > max)) {
      return false;
    }
    const prefix2 = this.#prefix.length;
    if (this.#affix) {
      if (this.#prefixStr !== void 0 && this.#suffixStr !== void 0) {
        if (!s.startsWith(this.#prefixStr) || !s.endsWith(this.#suffixStr)) {
          return false;
        }
      } else {
        chars ??= codePoints(s);
        const end = chars.length - this.#suffix.length;
        if (!hasAffix(this.#prefix, chars, 0) || !hasAffix(this.#suffix, chars, end)) {
          return false;
        }
      }
    }
    const dotStart = !this.options.dot && s.startsWith(".");
    if (this.#linear) {
      if (s === "." || s === "..")
        return false;
      if (dotStart && !prefix2)
        return false;
      if (this.#wild)
        return true;
      chars ??= codePoints(s);
      const end = chars.length - this.#suffix.length;
      return testLinear(this.#linear, chars, prefix2, end);
    }
    chars ??= codePoints(s);
    if (s === "." || s === "..") {
      this.#marks ??= marks(this.#size);
      const sim = this.#dotsSim ??= new Sim(true, false, this.#marks);
      const start = sim.state();
      sim.add(start, this.#start, 0, true);
      let state = sim.done(start);
      for (let i = 0; i < chars.length; i++) {
        state = sim.step(state, chars[i], i, true);
      }
      return state.match;
    }
    this.#marks ??= marks(this.#size);
    const dfa = this.#dfa ??= new Dfa(this.#start, this.#marks);
    let d = dfa.start(dotStart);
    const str = chars === s;
    for (let i = 0; i < chars.length; i++) {
      if (d.dead)
        return false;
      const code = str ? s.charCodeAt(i) : chars[i].charCodeAt(0);
      d = d.ascii?.[code] ?? dfa.next(d, chars[i]);
    }
    return d.match;
  }
  /** a readable listing of the state machine */
  toString() {
    return show(this.#start);
  }
};

// node_modules/minimatch/dist/esm/assert-valid-pattern.js
var MAX_PATTERN_LENGTH = 1024 * 64;
var assertValidPattern = (pattern) => {
  if (typeof pattern !== "string") {
    throw new TypeError("invalid pattern");
  }
  if (pattern.length > MAX_PATTERN_LENGTH) {
    throw new TypeError("pattern is too long");
  }
};

// node_modules/minimatch/dist/esm/escape.js
var escape = (s, { windowsPathsNoEscape = false, magicalBraces = false } = {}) => {
  const e = magicalBraces ? windowsPathsNoEscape ? s.replace(/[?*()[\]{}]/g, "[$&]") : s.replace(/[?*()[\]\\{}]/g, "\\$&") : windowsPathsNoEscape ? s.replace(/[?*()[\]]/g, "[$&]") : s.replace(/[?*()[\]\\]/g, "\\$&");
  const c = e.charAt(0);
  if (c === "#") {
    return (windowsPathsNoEscape ? "[#]" : "\\#") + e.slice(1);
  }
  if (c === "!") {
    return (windowsPathsNoEscape ? "@(!)" : "\\!") + e.slice(1);
  }
  return e;
};

// node_modules/minimatch/dist/esm/unescape.js
var unescape = (s, { windowsPathsNoEscape = false, magicalBraces = true } = {}) => {
  if (windowsPathsNoEscape && s.startsWith("@(!)")) {
    return "!" + unescape(s.slice(4), { windowsPathsNoEscape, magicalBraces });
  }
  if (magicalBraces) {
    return windowsPathsNoEscape ? s.replace(/\[([^/\\])\]/g, "$1") : s.replace(/((?!\\).|^)\[([^/\\])\]/g, "$1$2").replace(/\\([^/])/g, "$1");
  }
  return windowsPathsNoEscape ? s.replace(/\[([^/\\{}])\]/g, "$1") : s.replace(/((?!\\).|^)\[([^/\\{}])\]/g, "$1$2").replace(/\\([^/{}])/g, "$1");
};

// node_modules/minimatch/dist/esm/index.js
var DEFAULT_BRACE_EXPAND_MAX = 1e5;
var DEFAULT_GLOB_STAR_RECURSION_MAX = 200;
var AWE_KEY = "allowWindowsEscape";
var minimatch = (p, pattern, options) => {
  assertValidPattern(pattern);
  if (!options?.nocomment && pattern.charAt(0) === "#") {
    return false;
  }
  return cachedMinimatch(pattern, options).match(p);
};
var cache = /* @__PURE__ */ new Map();
var oldCache = /* @__PURE__ */ new Map();
var cacheSize = 0;
var cacheTotalWeight = 0;
var cacheMax = 256;
var cacheMaxWeight = 1 << 15;
var cacheMaxEntryWeight = 1 << 12;
var cacheWeight = (mm) => {
  let w = mm.pattern.length;
  for (const s of mm.globSet) {
    w += s.length + 1;
    if (w > cacheMaxEntryWeight)
      break;
  }
  return w;
};
var tri = (v) => v === void 0 ? 0 : v ? 2 : 1;
var booleanWeights = new Map(Object.keys({
  nobrace: 0,
  nocomment: 0,
  nonegate: 0,
  noglobstar: 0,
  noext: 0,
  nonull: 0,
  partial: 0,
  dot: 0,
  nocase: 0,
  nocaseMagicOnly: 0,
  magicalBraces: 0,
  matchBase: 0,
  flipNegate: 0,
  preserveMultipleSlashes: 0,
  windowsNoMagicRoot: 0
}).map((k, i) => [k, 24 * 3 ** i]));
var optionsKey = (o) => {
  let n = 0;
  let wpe = false;
  for (const k in o) {
    const v = o[k];
    switch (k) {
      // the same test as the Minimatch constructor
      case "windowsPathsNoEscape":
        if (v)
          wpe = true;
        break;
      case AWE_KEY:
        if (v === false)
          wpe = true;
        break;
      case "platform": {
        const p = v || defaultPlatform;
        if (p === defaultPlatform)
          break;
        if (p === "darwin")
          n += 3;
        else if (p === "win32")
          n += 6;
        else if (p === "linux")
          n += 9;
        else
          return JSON.stringify(o);
        break;
      }
      case "optimizationLevel":
        if (v === void 0)
          break;
        n += v >= 2 ? 1 : v >= 1 ? 0 : 2;
        break;
      case "braceExpandMax":
        if (v !== void 0 && v !== DEFAULT_BRACE_EXPAND_MAX) {
          return JSON.stringify(o);
        }
        break;
      case "maxGlobstarRecursion":
        if (v !== void 0 && v !== DEFAULT_GLOB_STAR_RECURSION_MAX) {
          return JSON.stringify(o);
        }
        break;
      case "normalize":
        if (v !== void 0)
          return JSON.stringify(o);
        break;
      default:
        n += (booleanWeights.get(k) ?? 0) * tri(v);
    }
  }
  return wpe ? n + 12 : n;
};
var copyOptions = (o) => {
  const copy = {};
  for (const k in o)
    copy[k] = o[k];
  return copy;
};
var cachedMinimatch = (pattern, options) => {
  const key = options ? optionsKey(options) : 0;
  let mm = cache.get(key)?.get(pattern);
  if (mm)
    return mm;
  mm = oldCache.get(key)?.get(pattern) ?? new Minimatch(pattern, copyOptions(options));
  const weight = cacheWeight(mm);
  if (weight > cacheMaxEntryWeight)
    return mm;
  if (cacheSize >= cacheMax || cacheTotalWeight + weight > cacheMaxWeight) {
    oldCache = cache;
    cache = /* @__PURE__ */ new Map();
    cacheSize = 0;
    cacheTotalWeight = 0;
  }
  let byPattern = cache.get(key);
  if (!byPattern)
    cache.set(key, byPattern = /* @__PURE__ */ new Map());
  byPattern.set(pattern, mm);
  cacheSize++;
  cacheTotalWeight += weight;
  return mm;
};
var defaultPlatform = typeof process === "object" && process ? process.env?.__MINIMATCH_TESTING_PLATFORM__ || process.platform : "posix";
var path3 = {
  win32: { sep: "\\" },
  posix: { sep: "/" }
};
var sep = defaultPlatform === "win32" ? path3.win32.sep : path3.posix.sep;
minimatch.sep = sep;
var GLOBSTAR = /* @__PURE__ */ Symbol("globstar **");
minimatch.GLOBSTAR = GLOBSTAR;
var filter = (pattern, options) => {
  let mm;
  return (p) => (mm ??= cachedMinimatch(pattern, options)).match(p);
};
minimatch.filter = filter;
var ext = (a, b = {}) => Object.assign({}, a, b);
var defaults = (def) => {
  if (!def || typeof def !== "object" || !Object.keys(def).length) {
    return minimatch;
  }
  const orig = minimatch;
  const m = (p, pattern, options = {}) => orig(p, pattern, ext(def, options));
  return Object.assign(m, {
    Minimatch: class Minimatch extends orig.Minimatch {
      constructor(pattern, options = {}) {
        super(pattern, ext(def, options));
      }
      static defaults(options) {
        return orig.defaults(ext(def, options)).Minimatch;
      }
    },
    unescape: (s, options = {}) => orig.unescape(s, ext(def, options)),
    escape: (s, options = {}) => orig.escape(s, ext(def, options)),
    filter: (pattern, options = {}) => orig.filter(pattern, ext(def, options)),
    defaults: (options) => orig.defaults(ext(def, options)),
    braceExpand: (pattern, options = {}) => orig.braceExpand(pattern, ext(def, options)),
    match: (list, pattern, options = {}) => orig.match(list, pattern, ext(def, options)),
    sep: orig.sep,
    GLOBSTAR
  });
};
minimatch.defaults = defaults;
var braceExpand = (pattern, options = {}) => {
  assertValidPattern(pattern);
  if (options.nobrace || !/\{(?:(?!\{).)*\}/.test(pattern)) {
    return [pattern];
  }
  let p = pattern.replace(/\\\\/g, "\\\\\\\\");
  if (options.windowsPathsNoEscape || options[AWE_KEY] === false) {
    p = p.replace(/\[([{}])\]/g, "[\\$1]");
  }
  return expand(p, { max: options.braceExpandMax });
};
minimatch.braceExpand = braceExpand;
var RANGE_MIN = 100;
var rangeRe = /(?<![\\$])\{(-?\d+)\.\.(-?\d+)\}/g;
var inRepeatOrNegExt = (portion, mark) => {
  const stack = [];
  for (let i = 0; i < portion.length; i++) {
    const c = portion.charAt(i);
    if (c === "\\") {
      i++;
    } else if (c === mark) {
      if (stack.some((t) => t !== "@" && t !== "?"))
        return true;
    } else if (portion.charAt(i + 1) === "(" && "!?+*@".includes(c)) {
      stack.push(c);
      i++;
    } else if (c === ")") {
      stack.pop();
    }
  }
  return false;
};
var match = (list, pattern, options = {}) => {
  const mm = new Minimatch(pattern, options);
  list = list.filter((f) => mm.match(f));
  if (mm.options.nonull && !list.length) {
    list.push(pattern);
  }
  return list;
};
minimatch.match = match;
var globMagic = /[?*]|[+@!]\(.*?\)|\[|\]/;
var classEnd = (pattern, start) => {
  let i = start + 1;
  if (pattern.charAt(i) === "!" || pattern.charAt(i) === "^")
    i++;
  let sawStart = false;
  for (; i < pattern.length; i++) {
    const c = pattern.charAt(i);
    if (c === "]" && sawStart)
      return i;
    sawStart = true;
    if (c === "\\")
      i++;
  }
  return -1;
};
var literal = (pattern, noext) => {
  if (!noext && (pattern === "+()" || pattern === "@()"))
    return pattern;
  let lit2 = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charAt(i);
    if (c === "\\") {
      lit2 += pattern.charAt(++i) || c;
    } else if (c === "*" || c === "?") {
      return void 0;
    } else if (c === "[") {
      const close = classEnd(pattern, i);
      if (close === -1) {
        lit2 += c;
        continue;
      }
      let body = pattern.slice(i + 1, close);
      if (body.startsWith("\\"))
        body = body.slice(1);
      if ([...body].length !== 1 || "!^".includes(pattern.charAt(i + 1))) {
        return void 0;
      }
      lit2 += body;
      i = close;
    } else if (!noext && "+@!".includes(c) && pattern.charAt(i + 1) === "(" && pattern.includes(")", i + 2)) {
      return void 0;
    } else {
      lit2 += c;
    }
  }
  return lit2;
};
var MAX_EXTGLOBS = 256;
var extglobCount = (pattern) => {
  let n = 0;
  for (let i = 0; i < pattern.length - 1; i++) {
    const c = pattern.charAt(i);
    if (c === "\\") {
      i++;
    } else if ("+@!?*".includes(c) && pattern.charAt(i + 1) === "(") {
      n++;
      i++;
    }
  }
  return n;
};
var assertValidExtglobs = (pattern) => {
  if (extglobCount(pattern) > MAX_EXTGLOBS) {
    throw new TypeError("pattern has too many extglobs");
  }
};
var extSafe = (pattern) => {
  if (/^[?*+@]\(\)$/.test(pattern) || pattern.includes("[:"))
    return false;
  let depth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charAt(i);
    if (c === "\\") {
      if (++i === pattern.length)
        return false;
    } else if (c === "[") {
      const close = classEnd(pattern, i);
      if (close !== -1)
        i = close;
    } else if ("+@!?*".includes(c) && pattern.charAt(i + 1) === "(") {
      depth++;
      i++;
    } else if (c === ")") {
      if (!depth--)
        return false;
    } else if (c === "|" && !depth) {
      return false;
    }
  }
  return !depth;
};
var lastSplit;
var lastChecked;
var portionMatch = (p, f) => typeof p === "string" ? f === p : f !== "" && p.testUnchecked(f);
var endIndex = (p, last, lastStart, prev, prevStart) => portionMatch(p, last) ? lastStart : prev !== void 0 && portionMatch(p, prev) ? prevStart : -1;
var isDots = (p) => p === "." || p === "..";
var isDrive = (p) => typeof p === "string" && /^[a-z]:$/i.test(p);
var isLongUNC = (p) => typeof p === "string" && /^unc$/i.test(p);
var uncHost = (p) => {
  if (p[0] !== "" || p[1] !== "")
    return -1;
  const h = p[2] !== "?" ? 2 : isLongUNC(p[3]) ? 4 : -1;
  const host = p[h];
  const share = p[h + 1];
  return h !== -1 && host !== void 0 && host !== "" && host !== GLOBSTAR && share !== void 0 && share !== "" && share !== GLOBSTAR ? h : -1;
};
var walkable = (p, dot) => !isDots(p) && (dot || !p.startsWith("."));
var dotPortion = (f, start, end, dot, sep2) => {
  for (let k = start; k < end; ) {
    if (f.charCodeAt(k) === 46) {
      if (!dot)
        return true;
      const n = f.charCodeAt(k + 1) === 46 ? k + 2 : k + 1;
      if (n >= end || isSep(f.charCodeAt(n), sep2))
        return true;
    }
    const s = nextSep(f, k, sep2);
    if (s === -1)
      return false;
    k = s + 1;
    while (k < end && isSep(f.charCodeAt(k), sep2))
      k++;
  }
  return false;
};
var isSep = (c, sep2) => sep2 === "/" ? c === 47 : sep2 === "\\" ? c === 92 : c === 47 || c === 92;
var nextSep = (f, from, sep2) => {
  if (sep2 !== "both")
    return f.indexOf(sep2, from);
  const s = f.indexOf("/", from);
  const b = f.indexOf("\\", from);
  return s === -1 ? b : b === -1 ? s : Math.min(s, b);
};
var lastSep = (f, from, sep2) => sep2 !== "both" ? f.lastIndexOf(sep2, from) : Math.max(f.lastIndexOf("/", from), f.lastIndexOf("\\", from));
var PENDING = {};
var Minimatch = class {
  options;
  set;
  pattern;
  windowsPathsNoEscape;
  nonegate;
  negate;
  comment;
  empty;
  preserveMultipleSlashes;
  partial;
  globSet;
  globParts;
  nocase;
  isWindows;
  platform;
  windowsNoMagicRoot;
  maxGlobstarRecursion;
  // the path can be checked against the last portion, and the string
  // portions, of each row before it is split. See #canMatch.
  #endCheck;
  #literalCheck;
  // level 2 resolves `.` and `..` portions in the path
  #level2;
  // the unicode normalization form, if any
  #form;
  // the string portions of each row in the set
  #literals = [];
  // the rows that #canMatch can match without splitting the path
  #shapes = [];
  // the rows whose last portion can be checked against the path's
  #endRows = [];
  // brace expansion can make the same portion in many rows, so they
  // share one Matcher, and the states that it caches
  #matchers = /* @__PURE__ */ new Map();
  // parse() returns PENDING in place of a Matcher
  #pending = false;
  // the char that marks numeric ranges in globSet, if any
  #rangeMark;
  // the GlobstarParts of each pattern row, by start index and partial
  #globstarParts = /* @__PURE__ */ new WeakMap();
  constructor(pattern, options = {}) {
    assertValidPattern(pattern);
    options = options || {};
    this.options = options;
    this.maxGlobstarRecursion = options.maxGlobstarRecursion ?? DEFAULT_GLOB_STAR_RECURSION_MAX;
    this.pattern = pattern;
    this.platform = options.platform || defaultPlatform;
    this.isWindows = this.platform === "win32";
    this.windowsPathsNoEscape = !!options.windowsPathsNoEscape || options[AWE_KEY] === false;
    if (this.windowsPathsNoEscape) {
      this.pattern = this.pattern.replace(/\\/g, "/");
    }
    this.preserveMultipleSlashes = !!options.preserveMultipleSlashes;
    this.negate = false;
    this.nonegate = !!options.nonegate;
    this.comment = false;
    this.empty = false;
    this.partial = !!options.partial;
    this.nocase = !!this.options.nocase;
    this.windowsNoMagicRoot = options.windowsNoMagicRoot !== void 0 ? options.windowsNoMagicRoot : !!(this.isWindows && this.nocase);
    this.globSet = [];
    this.globParts = [];
    this.set = [];
    this.#endCheck = !this.preserveMultipleSlashes;
    this.#level2 = (options.optimizationLevel ?? 1) >= 2;
    const n = options.normalize;
    this.#form = n === true ? "NFC" : n || void 0;
    this.make();
    const drives = this.set.map((row) => this.#rootIndex(row));
    this.#endRows = this.set.map((row, r) => this.#endCheck && row.length - 1 > drives[r]);
    this.#literals = this.set.map((row, r) => {
      const end = this.#endRows[r] ? row.length - 1 : row.length;
      const lits = row.slice(drives[r] + 1, end).filter((p) => typeof p === "string" && !!p);
      return [...new Set(lits)];
    });
    this.#literalCheck = this.#literals.some((l) => l.length);
    this.#shapes = this.set.map((row, r) => {
      const [p0, p1, p2] = row;
      if (this.#endRows[r] && row.length === 2) {
        if (p0 === GLOBSTAR && p1 !== GLOBSTAR)
          return "tail";
      }
      if (this.#endRows[r] && options.matchBase && row.length === 1 && p0 !== GLOBSTAR && p0 !== "") {
        return "base";
      }
      if (!this.#endCheck || drives[r] !== -1)
        return void 0;
      if (row.length === 3 && p0 === GLOBSTAR && p2 === GLOBSTAR && p1 !== GLOBSTAR && p1 !== "" && // the portion between is only matched below this limit
      this.maxGlobstarRecursion > 0) {
        return "mid";
      }
      if (row.length === 2 && p1 === GLOBSTAR && p0 !== GLOBSTAR && p0 !== "") {
        return "head";
      }
      return void 0;
    });
  }
  // a string portion of a pattern, normalized if the option is set
  #norm(p) {
    return this.#form ? p.normalize(this.#form) : p;
  }
  // On Windows, the index of the last root portion of a row, as
  // #matchRow finds it: 0 for `c:/...`, 3 for `//?/c:/...` and
  // `//host/share/...`, and 5 for `//?/UNC/host/share/...`. Otherwise
  // -1.
  #rootIndex(row) {
    if (!this.isWindows)
      return -1;
    if (isDrive(row[0]))
      return 0;
    const uncDrive = row[0] === "" && row[1] === "" && row[2] === "?" && isDrive(row[3]);
    if (uncDrive)
      return 3;
    const h = uncHost(row);
    return h === -1 ? -1 : h + 1;
  }
  hasMagic() {
    if (this.options.magicalBraces && this.set.length > 1) {
      return true;
    }
    for (const pattern of this.set) {
      for (const part of pattern) {
        if (typeof part !== "string")
          return true;
      }
    }
    return false;
  }
  make() {
    const pattern = this.pattern;
    const options = this.options;
    if (!options.nocomment && pattern.charAt(0) === "#") {
      this.comment = true;
      return;
    }
    if (!pattern) {
      this.empty = true;
      return;
    }
    this.parseNegate();
    this.globSet = [...new Set(this.#expandBraces())];
    const rawGlobParts = this.globSet.map((s) => this.#slashSplit(s));
    this.globParts = this.preprocess(rawGlobParts);
    this.#pending = true;
    let set = this.globParts.map((s, _, __) => {
      if (this.isWindows && this.windowsNoMagicRoot) {
        const n = s[2] === "?" && isLongUNC(s[3]) ? 6 : 4;
        const isUNC = s[0] === "" && s[1] === "" && (s[2] === "?" || !globMagic.test(s[2])) && s.slice(3, n).every((p) => !globMagic.test(p));
        const isDrive2 = /^[a-z]:/i.test(s[0]);
        if (isUNC) {
          return [
            ...s.slice(0, n).map((p) => this.#norm(p)),
            ...s.slice(n).map((ss) => this.parse(ss))
          ];
        } else if (isDrive2) {
          return [
            this.#norm(s[0]),
            ...s.slice(1).map((ss) => this.parse(ss))
          ];
        }
      }
      return s.map((ss) => this.parse(ss));
    });
    this.set = set.filter((s) => s.indexOf(false) === -1);
    if (this.isWindows) {
      for (let i = 0; i < this.set.length; i++) {
        const p = this.set[i];
        if (p[0] === "" && p[1] === "" && this.globParts[i][2] === "?" && (isDrive(p[3]) || isLongUNC(this.globParts[i][3]))) {
          if (isLongUNC(this.globParts[i][3]))
            p[3] = "UNC";
          p[2] = "?";
        }
      }
    }
    if (!options.noext)
      this.mergeRows();
    this.#pending = false;
    this.set.forEach((row, i) => {
      for (let k = 0; k < row.length; k++) {
        if (row[k] === PENDING) {
          row[k] = this.parse(this.globParts[i][k]);
        }
      }
    });
  }
  // Merge rows that only differ in one portion, where each of them
  // is a Matcher, into one row that matches any of them with
  // `@(a|b|...)`. Then a path is only walked once for all of them,
  // for example with `**/*.{js,ts}`.
  mergeRows() {
    let merged = true;
    while (merged) {
      merged = false;
      if (this.set.length < 2)
        return;
      let keys = this.#mergeKeys();
      const len = Math.max(0, ...this.set.map((r) => r.length));
      for (let k = 0; k < len; k++) {
        const groups = /* @__PURE__ */ new Map();
        const R = this.set.length + 1;
        this.set.forEach((row, i) => {
          if (!(row[k] instanceof Matcher || row[k] === PENDING) || !extSafe(this.globParts[i][k])) {
            return;
          }
          const { pre, suf } = keys[i];
          const key = pre[k] * R + suf[k + 1];
          const g = groups.get(key);
          if (g)
            g.push(i);
          else
            groups.set(key, [i]);
        });
        const drop = /* @__PURE__ */ new Set();
        for (const g of groups.values()) {
          if (g.length < 2)
            continue;
          const [first, ...rest] = g;
          const alts = g.map((i) => this.globParts[i][k]);
          const glob = `@(${alts.join("|")})`;
          if (extglobCount(glob) > MAX_EXTGLOBS)
            continue;
          this.globParts[first][k] = glob;
          this.set[first][k] = this.parse(glob);
          for (const i of rest)
            drop.add(i);
        }
        if (drop.size) {
          merged = true;
          this.set = this.set.filter((_, i) => !drop.has(i));
          this.globParts = this.globParts.filter((_, i) => !drop.has(i));
          if (this.set.length < 2)
            return;
          keys = this.#mergeKeys();
        }
      }
    }
  }
  // For each row, number ids for its prefixes and suffixes, such that
  // pre[k] identifies parts[0..k) and suf[k] identifies parts[k..n).
  // Two rows are the same other than at portion k exactly when they
  // have the same pre[k] and suf[k + 1]. This is linear in the size of
  // the rows, where joining the whole row for every k was quadratic.
  #mergeKeys() {
    const partIds = /* @__PURE__ */ new Map();
    const ids = this.globParts.map((parts) => parts.map((s) => {
      let id = partIds.get(s);
      if (id === void 0)
        partIds.set(s, id = partIds.size);
      return id;
    }));
    const P = partIds.size;
    const len = Math.max(0, ...ids.map((r) => r.length));
    const keys = ids.map((r) => ({
      pre: [0],
      suf: new Array(r.length + 1).fill(0)
    }));
    for (let k = 0; k < len; k++) {
      const m = /* @__PURE__ */ new Map();
      ids.forEach((r, i) => {
        if (k >= r.length)
          return;
        const { pre } = keys[i];
        const key = pre[k] * P + r[k];
        let id = m.get(key);
        if (id === void 0)
          m.set(key, id = m.size + 1);
        pre.push(id);
      });
    }
    for (let k = len - 1; k >= 0; k--) {
      const m = /* @__PURE__ */ new Map();
      ids.forEach((r, i) => {
        if (k >= r.length)
          return;
        const { suf } = keys[i];
        const key = suf[k + 1] * P + r[k];
        let id = m.get(key);
        if (id === void 0)
          m.set(key, id = m.size + 1);
        suf[k] = id;
      });
    }
    return keys;
  }
  // various transforms to equivalent pattern sets that are
  // faster to process in a filesystem walk.  The goal is to
  // eliminate what we can, and push all ** patterns as far
  // to the right as possible, even if it increases the number
  // of patterns that we have to process.
  preprocess(globParts) {
    if (this.options.noglobstar) {
      for (const partset of globParts) {
        for (let j = 0; j < partset.length; j++) {
          if (partset[j] === "**") {
            partset[j] = "*";
          }
        }
      }
    }
    const { optimizationLevel = 1 } = this.options;
    if (optimizationLevel >= 2) {
      globParts = this.firstPhasePreProcess(globParts);
      globParts = this.secondPhasePreProcess(globParts);
    } else if (optimizationLevel >= 1) {
      globParts = this.levelOneOptimize(globParts);
    } else {
      globParts = this.adjascentGlobstarOptimize(globParts);
    }
    return globParts;
  }
  // just get rid of adjascent ** portions
  adjascentGlobstarOptimize(globParts) {
    return globParts.map((parts) => {
      let gs = -1;
      while (-1 !== (gs = parts.indexOf("**", gs + 1))) {
        let i = gs;
        while (parts[i + 1] === "**") {
          i++;
        }
        if (i !== gs) {
          parts.splice(gs, i - gs);
        }
      }
      return parts;
    });
  }
  // get rid of adjascent ** and resolve .. portions
  levelOneOptimize(globParts) {
    return globParts.map((parts) => {
      const root = this.#rootIndex(parts) + 1;
      parts = parts.reduce((set, part) => {
        const prev = set[set.length - 1];
        if (part === "**" && prev === "**") {
          return set;
        }
        if (part === "..") {
          if (set.length > root && prev && prev !== ".." && prev !== "." && prev !== "**") {
            set.pop();
            return set;
          }
        }
        set.push(part);
        return set;
      }, []);
      return parts.length === 0 ? [""] : parts;
    });
  }
  // Check the path against each row before it is split. 'no' if no
  // row can match, so it does not need to be split. 'yes' if a row of
  // `**` and one more portion matches. 'maybe' if it must be split to
  // know. None of this applies with partial, where the path can end
  // before the row does.
  //
  // On Windows, `\` is a separator in the path too, and the portions of
  // a row up to its drive letter or UNC share are not checked (see
  // #rootIndex).
  //
  // Each string portion of a row must be a portion of the path, so the
  // path must contain it. Level 2 can only take portions out of the
  // path, so this is still true then.
  //
  // The last portion of a row must match the last portion of the path,
  // or the one before a trailing `/` (as a/* and a/**/* match a/b/).
  // This does not apply to rows that end in **, rows that end in a
  // root, or preserveMultipleSlashes (which can leave more
  // than one '' at the end). At level 2, it does not apply if that
  // portion is `.` or `..`, which can be
  // resolved away. Level 2 only takes other portions out of the
  // middle of the path.
  //
  // A row of `**/x` then matches if the ** can walk the portions
  // before the one that x matches, the same as #matchGlobstar. At
  // level 2, this is only known if none of them are `.` or `..`, so
  // that the path does not change when it is resolved.
  #canMatch(f) {
    const sep2 = !this.isWindows || !f.includes("\\") ? "/" : f.includes("/") ? "both" : "\\";
    let ends = this.#endCheck ? 0 : -1;
    let last = "";
    let lastStart = 0;
    let prev;
    let prevStart = 0;
    const dot = !!this.options.dot;
    ROWS: for (let r = 0; r < this.set.length; r++) {
      const row = this.set[r];
      const p = row[row.length - 1];
      let end = ends !== -1 && this.#endRows[r] && p !== GLOBSTAR;
      if (end && ends === 0) {
        const i = lastSep(f, f.length, sep2);
        lastStart = i + 1;
        last = f.slice(lastStart);
        if (last === "" && i >= 0) {
          let j = i;
          while (j > 0 && isSep(f.charCodeAt(j - 1), sep2))
            j--;
          prevStart = j === 0 ? 0 : lastSep(f, j - 1, sep2) + 1;
          prev = f.slice(prevStart, j);
        }
        const resolves = this.#level2 && (isDots(last) || last === "" && prev !== void 0 && isDots(prev));
        ends = resolves ? -1 : 1;
        end = !resolves;
      }
      let tailStart = -1;
      if (end && typeof p === "string") {
        tailStart = endIndex(p, last, lastStart, prev, prevStart);
        if (tailStart === -1)
          continue;
      }
      if (this.#literalCheck) {
        for (const l of this.#literals[r]) {
          if (!f.includes(l))
            continue ROWS;
        }
      }
      if (end && typeof p === "object") {
        tailStart = endIndex(p, last, lastStart, prev, prevStart);
        if (tailStart === -1)
          continue;
      }
      const shape = this.#shapes[r];
      if (shape === "base" && end)
        return "yes";
      if (shape === "tail" && end) {
        if (this.#level2 && dotPortion(f, 0, tailStart, true, sep2)) {
          return "maybe";
        }
        if (!dotPortion(f, 0, tailStart, dot, sep2))
          return "yes";
        continue;
      }
      if (shape === "mid" || shape === "head") {
        const m = this.#walk(f, row, shape === "head", dot, sep2);
        if (m !== "no")
          return m;
        continue;
      }
      return "maybe";
    }
    return "no";
  }
  // Match a row of a known shape against the split path, the same as
  // #matchGlobstar and #matchGlobStarBodySections do. None of these
  // rows have a drive letter, so they start at the first portion.
  #matchShape(file, row, shape) {
    const dot = !!this.options.dot;
    const n = file.length;
    if (shape === "head") {
      if (n < 2 || !portionMatch(row[0], file[0])) {
        return false;
      }
      for (let i = 1; i < n; i++)
        if (!walkable(file[i], dot))
          return false;
      return true;
    }
    const x = row[1];
    if (shape === "tail") {
      let t = n - 1;
      if (!portionMatch(x, file[t])) {
        if (file[t] !== "" || n === 1 || !portionMatch(x, file[--t])) {
          return false;
        }
      }
      for (let i = 0; i < t; i++)
        if (!walkable(file[i], dot))
          return false;
      return true;
    }
    for (let k = 0; k < n; k++) {
      if (portionMatch(x, file[k]) && k + 1 < n) {
        let i = k + 1;
        while (i < n && walkable(file[i], dot))
          i++;
        if (i === n)
          return true;
      }
      if (!walkable(file[k], dot))
        return false;
    }
    return false;
  }
  // Match a row of `**/x/**` or `x/**` against the path, the same as
  // #matchGlobstar and #matchGlobStarBodySections do once it is split.
  // x must match a portion (the first one, for `x/**`), the ** before
  // it must be able to walk the portions before that one, and there
  // must be a portion after it, which the ** after it can walk. At
  // level 2, this is only known if no portion is `.` or `..`.
  #walk(f, row, head, dot, sep2) {
    if (this.#level2 && dotPortion(f, 0, f.length, true, sep2))
      return "maybe";
    const x = row[head ? 0 : 1];
    let s = 0;
    for (let e = nextSep(f, s, sep2); e !== -1; e = nextSep(f, s, sep2)) {
      let next = e + 1;
      while (next < f.length && isSep(f.charCodeAt(next), sep2))
        next++;
      const hit = typeof x === "string" ? e - s === x.length && f.startsWith(x, s) : e > s && x.testUnchecked(f.slice(s, e));
      if (hit && !dotPortion(f, next, f.length, dot, sep2))
        return "yes";
      if (head || dotPortion(f, s, next, dot, sep2))
        return "no";
      s = next;
    }
    return "no";
  }
  // the last split, if it was the same path with the same split
  // settings
  #cachedSplit(f) {
    const last = lastSplit;
    return last?.f === f && last.isWindows === this.isWindows && last.preserveMultipleSlashes === this.preserveMultipleSlashes && last.normalize === this.#form ? last : void 0;
  }
  // split a path for match(), and keep the parts for the next call
  #split(f) {
    const { isWindows, preserveMultipleSlashes } = this;
    let parts = this.#slashSplit(isWindows ? f.split("\\").join("/") : f);
    const normalize2 = this.#form;
    if (normalize2)
      parts = parts.map((p) => p.normalize(normalize2));
    lastSplit = {
      f,
      isWindows,
      preserveMultipleSlashes,
      normalize: normalize2,
      parts
    };
    return lastSplit;
  }
  // resolve `.` and `..` portions of a path, for level 2
  #levelTwoFileOptimize(file) {
    const parts = [...file];
    let didSomething = false;
    do {
      didSomething = false;
      if (!this.preserveMultipleSlashes) {
        for (let i = 1; i < parts.length - 1; i++) {
          const p = parts[i];
          if (i === 1 && p === "" && parts[0] === "")
            continue;
          if (p === "." || p === "") {
            didSomething = true;
            parts.splice(i, 1);
            i--;
          }
        }
        if (parts[0] === "." && parts.length === 2 && (parts[1] === "." || parts[1] === "")) {
          didSomething = true;
          parts.pop();
        }
      }
      const root = this.#rootIndex(parts) + 1;
      let dd = root;
      while (-1 !== (dd = parts.indexOf("..", dd + 1))) {
        const p = parts[dd - 1];
        if (p && p !== "." && p !== ".." && p !== "**") {
          didSomething = true;
          parts.splice(dd - 1, 2);
          dd = Math.max(dd - 2, root);
        }
      }
    } while (didSomething);
    return parts.length === 0 ? [""] : parts;
  }
  // First phase: single-pattern processing
  // <pre> is 1 or more portions
  // <rest> is 1 or more portions
  // <p> is any portion other than ., .., '', or **
  // <e> is . or ''
  //
  // **/.. is *brutal* for filesystem walking performance, because
  // it effectively resets the recursive walk each time it occurs,
  // and ** cannot be reduced out by a .. pattern part like a regexp
  // or most strings (other than .., ., and '') can be.
  //
  // <pre>/**/../<p>/<p>/<rest> -> {<pre>/../<p>/<p>/<rest>,<pre>/**/<p>/<p>/<rest>}
  // <pre>/<e>/<rest> -> <pre>/<rest>
  // <pre>/<p>/../<rest> -> <pre>/<rest>
  // **/**/<rest> -> **/<rest>
  //
  // **/*/<rest> -> */**/<rest> <== not valid because ** doesn't follow
  // this WOULD be allowed if ** did follow symlinks, or * didn't
  firstPhasePreProcess(globParts) {
    const { braceExpandMax = DEFAULT_BRACE_EXPAND_MAX } = this.options;
    let splitCells = 0;
    const maxSplitCells = 1e6;
    let didSomething = false;
    do {
      didSomething = false;
      for (let parts of globParts) {
        let gs = -1;
        while (-1 !== (gs = parts.indexOf("**", gs + 1))) {
          let gss = gs;
          while (parts[gss + 1] === "**") {
            gss++;
          }
          if (gss > gs) {
            parts.splice(gs + 1, gss - gs);
          }
          let next = parts[gs + 1];
          const p = parts[gs + 2];
          const p2 = parts[gs + 3];
          if (next !== "..")
            continue;
          if (!p || p === "." || p === ".." || !p2 || p2 === "." || p2 === "..") {
            continue;
          }
          const addedCells = parts.length - 1;
          if (globParts.length >= braceExpandMax || splitCells + addedCells > maxSplitCells) {
            throw new RangeError(`optimizationLevel 2: too many patterns from '**/..'`);
          }
          didSomething = true;
          parts.splice(gs, 1);
          const other = parts.slice(0);
          other[gs] = "**";
          splitCells += addedCells;
          globParts.push(other);
          gs--;
        }
        if (!this.preserveMultipleSlashes) {
          for (let i = 1; i < parts.length - 1; i++) {
            const p = parts[i];
            if (i === 1 && p === "" && parts[0] === "")
              continue;
            if (p === "." || p === "") {
              didSomething = true;
              parts.splice(i, 1);
              i--;
            }
          }
          if (parts[0] === "." && parts.length === 2 && (parts[1] === "." || parts[1] === "")) {
            didSomething = true;
            parts.pop();
          }
        }
        const root = this.#rootIndex(parts) + 1;
        let dd = root;
        while (-1 !== (dd = parts.indexOf("..", dd + 1))) {
          const p = parts[dd - 1];
          if (p && p !== "." && p !== ".." && p !== "**") {
            didSomething = true;
            const needDot = dd === 1 && parts[dd + 1] === "**";
            const splin = needDot ? ["."] : [];
            parts.splice(dd - 1, 2, ...splin);
            if (parts.length === 0)
              parts.push("");
            dd = Math.max(dd - 2, root);
          }
        }
      }
    } while (didSomething);
    return globParts;
  }
  // second phase: multi-pattern dedupes
  // {<pre>/<rest>,<pre>/<rest>} -> <pre>/<rest>
  // {<pre>/*/<rest>,<pre>/<p>/<rest>} -> <pre>/*/<rest>
  secondPhasePreProcess(globParts) {
    const keys = /* @__PURE__ */ new Set();
    const rows = globParts.filter((parts) => {
      const key = parts.join("/");
      if (keys.has(key))
        return false;
      keys.add(key);
      return true;
    });
    const stars = /* @__PURE__ */ new Map();
    for (const parts of rows) {
      const s = [];
      for (let i = 0; i < parts.length; i++) {
        if (parts[i] === "*")
          s.push(i);
      }
      if (s.length)
        stars.set(s.join(","), s);
    }
    if (!stars.size || rows.length * stars.size > 1e5)
      return rows;
    const { dot } = this.options;
    return rows.filter((parts) => {
      for (const s of stars.values()) {
        if (s[s.length - 1] >= parts.length)
          continue;
        const c = [...parts];
        let ok = true;
        let changed = false;
        for (const i of s) {
          const p = parts[i];
          if (p === "*")
            continue;
          if (!p || p === "**" || !dot && p.startsWith(".")) {
            ok = false;
            break;
          }
          c[i] = "*";
          changed = true;
        }
        if (ok && changed && keys.has(c.join("/")))
          return false;
      }
      return true;
    });
  }
  parseNegate() {
    if (this.nonegate)
      return;
    const pattern = this.pattern;
    let negate = false;
    let negateOffset = 0;
    for (let i = 0; i < pattern.length && pattern.charAt(i) === "!"; i++) {
      negate = !negate;
      negateOffset++;
    }
    if (negateOffset)
      this.pattern = pattern.slice(negateOffset);
    this.negate = negate;
  }
  // Match the parts of a path against one row of the set. `resolved`
  // is the parts after level 2 resolves `.` and `..` in them, or the
  // same parts below level 2. Set partial to true to test if, for
  // example, "/a/b" matches the start of "/*/b/*/d". Partial means, if
  // you run out of file before you run out of pattern, then that's
  // fine, as long as all the parts match.
  #matchRow(file, resolved, pattern, partial) {
    let fileStartIndex = 0;
    let patternStartIndex = 0;
    const fh = this.isWindows ? uncHost(resolved) : -1;
    const ph = fh === -1 ? -1 : uncHost(pattern);
    if (ph !== -1) {
      const host = pattern[ph];
      const share = pattern[ph + 1];
      if (typeof host !== "string" || typeof share !== "string") {
        fileStartIndex = fh;
        patternStartIndex = ph;
      } else if (resolved[fh].toLowerCase() === host.toLowerCase() && resolved[fh + 1].toLowerCase() === share.toLowerCase()) {
        fileStartIndex = fh + 2;
        patternStartIndex = ph + 2;
      }
    } else if (this.isWindows) {
      const fileDrive = typeof file[0] === "string" && /^[a-z]:$/i.test(file[0]);
      const fileUNC = !fileDrive && file[0] === "" && file[1] === "" && file[2] === "?" && /^[a-z]:$/i.test(file[3]);
      const patternDrive = typeof pattern[0] === "string" && /^[a-z]:$/i.test(pattern[0]);
      const patternUNC = !patternDrive && pattern[0] === "" && pattern[1] === "" && pattern[2] === "?" && typeof pattern[3] === "string" && /^[a-z]:$/i.test(pattern[3]);
      const fdi = fileUNC ? 3 : fileDrive ? 0 : void 0;
      const pdi = patternUNC ? 3 : patternDrive ? 0 : void 0;
      if (typeof fdi === "number" && typeof pdi === "number") {
        const [fd, pd] = [
          file[fdi],
          pattern[pdi]
        ];
        if (fd.toLowerCase() === pd.toLowerCase()) {
          patternStartIndex = pdi + 1;
          fileStartIndex = fdi + 1;
        }
      }
    }
    file = resolved;
    if (pattern.includes(GLOBSTAR)) {
      return this.#matchGlobstar(file, pattern, partial, fileStartIndex, patternStartIndex);
    }
    return this.#matchOne(file, pattern, partial, fileStartIndex, patternStartIndex);
  }
  #matchGlobstar(file, pattern, partial, fileIndex, patternIndex) {
    const { head, body, tail, segments } = this.#getGlobstarParts(pattern, partial, patternIndex);
    if (head.length) {
      const headEnd = fileIndex + head.length;
      if (!this.#matchOne(file, head, partial, fileIndex, 0, headEnd)) {
        return false;
      }
      fileIndex += head.length;
      patternIndex += head.length;
    }
    let fileTailMatch = 0;
    if (tail.length) {
      if (tail.length + fileIndex > file.length)
        return false;
      let tailStart = file.length - tail.length;
      if (this.#matchOne(file, tail, partial, tailStart, 0)) {
        fileTailMatch = tail.length;
      } else {
        if (file[file.length - 1] !== "" || fileIndex + tail.length === file.length) {
          return false;
        }
        tailStart--;
        if (!this.#matchOne(file, tail, partial, tailStart, 0)) {
          return false;
        }
        fileTailMatch = tail.length + 1;
      }
    }
    if (!body.length) {
      let sawSome = !!fileTailMatch;
      for (let i = fileIndex; i < file.length - fileTailMatch; i++) {
        const f = String(file[i]);
        sawSome = true;
        if (f === "." || f === ".." || !this.options.dot && f.startsWith(".")) {
          return false;
        }
      }
      return partial || sawSome;
    }
    return !!this.#matchGlobStarBodySections(file, segments, file.length - fileTailMatch, fileIndex, 0, partial, 0, !!fileTailMatch, /* @__PURE__ */ new Set());
  }
  // Split the pattern into head, tail, and middle of ** delimited
  // parts. The tail has to be at the end, and the others just have to
  // be found in order from the head. These only depend on the pattern
  // row, so they are kept for the next path.
  #getGlobstarParts(pattern, partial, patternIndex) {
    let byStart = this.#globstarParts.get(pattern);
    if (!byStart) {
      byStart = [];
      this.#globstarParts.set(pattern, byStart);
    }
    const key = patternIndex * 2 + (partial ? 1 : 0);
    const found = byStart[key];
    if (found)
      return found;
    const firstgs = pattern.indexOf(GLOBSTAR, patternIndex);
    const lastgs = pattern.lastIndexOf(GLOBSTAR);
    const head = pattern.slice(patternIndex, firstgs);
    const body = pattern.slice(firstgs + 1, partial ? void 0 : lastgs);
    const tail = partial ? [] : pattern.slice(lastgs + 1);
    const segments = [[[], 0]];
    let current = segments[0];
    let nonGsParts = 0;
    const nonGsPartsSums = [0];
    for (const b of body) {
      if (b === GLOBSTAR) {
        nonGsPartsSums.push(nonGsParts);
        current = [[], 0];
        segments.push(current);
      } else {
        current[0].push(b);
        nonGsParts++;
      }
    }
    segments.forEach((b, i) => {
      b[1] = nonGsParts - nonGsPartsSums[i];
    });
    const parts = { head, body, tail, segments };
    byStart[key] = parts;
    return parts;
  }
  // return false for "nope, not matching"
  // return null for "not matching, cannot keep trying"
  #matchGlobStarBodySections(file, bodySegments, fileLength, fileIndex, bodyIndex, partial, globStarDepth, sawTail, tried) {
    const bs = bodySegments[bodyIndex];
    if (!bs) {
      if (partial) {
        return fileIndex >= fileLength || fileIndex === fileLength - 1 && file[fileIndex] === "";
      }
      for (let i = fileIndex; i < fileLength; i++) {
        sawTail = true;
        const f = file[i];
        if (f === "." || f === ".." || !this.options.dot && f.startsWith(".")) {
          return false;
        }
      }
      return sawTail;
    }
    const [body, need] = bs;
    const after = partial ? fileLength : fileLength - need;
    while (fileIndex <= after) {
      const key = bodyIndex * (file.length + 1) + fileIndex;
      if (tried.has(key))
        return false;
      tried.add(key);
      const m = this.#matchOne(file, body, partial, fileIndex, 0, fileIndex + body.length);
      if (m && globStarDepth < this.maxGlobstarRecursion) {
        const sub = this.#matchGlobStarBodySections(file, bodySegments, fileLength, fileIndex + body.length, bodyIndex + 1, partial, globStarDepth + 1, sawTail, tried);
        if (sub !== false) {
          return sub;
        }
      }
      if (fileIndex === after)
        break;
      const f = file[fileIndex];
      if (f === "." || f === ".." || !this.options.dot && f.startsWith(".")) {
        return false;
      }
      fileIndex++;
    }
    return partial || null;
  }
  #matchOne(file, pattern, partial, fileIndex, patternIndex, fileEnd = file.length) {
    let fi;
    let pi;
    let pl;
    let fl;
    for (fi = fileIndex, pi = patternIndex, fl = Math.min(fileEnd, file.length), pl = pattern.length; fi < fl && pi < pl; fi++, pi++) {
      let p = pattern[pi];
      let f = file[fi];
      if (p === false || p === GLOBSTAR) {
        return false;
      }
      if (!portionMatch(p, f))
        return false;
    }
    if (fi === fl && pi === pl) {
      return true;
    } else if (fi === fl) {
      return partial;
    } else if (pi === pl) {
      return fi === fl - 1 && file[fi] === "";
    } else {
      throw new Error("wtf?");
    }
  }
  braceExpand() {
    return braceExpand(this.pattern, this.options);
  }
  // Expand braces, except numeric ranges such as {0..999} with at
  // least RANGE_MIN values. Each of those stays in its pattern as
  // `<mark>0..999<mark>`, for the Matcher to test. If a range might
  // be inside a [...] class, expand all of them instead.
  #expandBraces() {
    const { pattern } = this;
    if (this.options.nobrace)
      return this.braceExpand();
    let code = 57344;
    while (pattern.includes(String.fromCharCode(code))) {
      if (++code > 63743)
        return this.braceExpand();
    }
    const mark = String.fromCharCode(code);
    let found = false;
    const marked = pattern.replace(rangeRe, (m, lo, hi) => {
      const a = Number(lo);
      const b = Number(hi);
      if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b) || Math.abs(a - b) + 1 < RANGE_MIN) {
        return m;
      }
      found = true;
      return `${mark}${lo}..${hi}${mark}`;
    });
    if (!found)
      return this.braceExpand();
    const set = braceExpand(marked, this.options);
    for (const p of set) {
      for (const portion of p.split("/")) {
        const c = portion.indexOf("[");
        if (c !== -1 && c < portion.lastIndexOf(mark)) {
          return this.braceExpand();
        }
        if (!this.options.noext && inRepeatOrNegExt(portion, mark)) {
          return this.braceExpand();
        }
      }
    }
    this.#rangeMark = mark;
    return set;
  }
  parse(pattern) {
    assertValidPattern(pattern);
    const options = this.options;
    if (pattern === "**")
      return GLOBSTAR;
    if (pattern === "")
      return "";
    const { nocase, nocaseMagicOnly, noext = false, dot, normalize: normalize2 } = options;
    const rangeMark = this.#rangeMark;
    const lit2 = rangeMark && pattern.includes(rangeMark) ? void 0 : literal(pattern, noext);
    if (lit2 !== void 0 && !(nocase && !nocaseMagicOnly && pattern.toUpperCase() !== pattern.toLowerCase())) {
      return this.#norm(lit2);
    }
    if (this.#pending)
      return PENDING;
    let m = this.#matchers.get(pattern);
    if (!m) {
      if (!noext)
        assertValidExtglobs(pattern);
      m = new Matcher(pattern, {
        nocase,
        noext,
        dot,
        normalize: normalize2,
        ...rangeMark && { rangeMark }
      });
      this.#matchers.set(pattern, m);
    }
    return m;
  }
  #slashSplit(p) {
    if (this.preserveMultipleSlashes) {
      return p.split("/");
    } else if (this.isWindows && /^\/\/[^/]+/.test(p)) {
      return ["", ...p.split(/\/+/)];
    } else {
      return p.split(/\/+/);
    }
  }
  match(f, partial = this.partial) {
    if (this.comment) {
      return false;
    }
    if (this.empty) {
      return f === "";
    }
    if (f === "/" && partial) {
      return true;
    }
    const options = this.options;
    let split = this.#cachedSplit(f);
    if (!split) {
      if (!partial && !this.#form && (this.#endCheck || this.#literalCheck) && lastChecked !== f) {
        lastChecked = f;
        const can = this.#canMatch(f);
        if (can === "no")
          return options.flipNegate ? false : this.negate;
        if (can === "yes")
          return options.flipNegate ? true : !this.negate;
      }
      split = this.#split(f);
    }
    const ff = split.parts;
    const resolved = this.#level2 ? split.resolved ??= this.#levelTwoFileOptimize(ff) : ff;
    const set = this.set;
    let filename = ff[ff.length - 1];
    if (!filename) {
      for (let i = ff.length - 2; !filename && i >= 0; i--) {
        filename = ff[i];
      }
    }
    for (let r = 0; r < set.length; r++) {
      const pattern = set[r];
      const shape = partial ? void 0 : this.#shapes[r];
      const hit = shape === "base" ? portionMatch(pattern[0], filename) : shape ? this.#matchShape(resolved, pattern, shape) : options.matchBase && pattern.length === 1 ? this.#matchRow([filename], [filename], pattern, partial) : this.#matchRow(ff, resolved, pattern, partial);
      if (hit) {
        if (options.flipNegate) {
          return true;
        }
        return !this.negate;
      }
    }
    if (options.flipNegate) {
      return false;
    }
    return this.negate;
  }
  static defaults(def) {
    return minimatch.defaults(def).Minimatch;
  }
};
minimatch.Minimatch = Minimatch;
minimatch.escape = escape;
minimatch.unescape = unescape;

// src/core/validators/command-output.ts
var import_node_path4 = require("node:path");
var import_node_url = require("node:url");
function parseCommandOutput(format, output, options) {
  switch (format) {
    case "unix":
      return parseUnix(`${output.stdout}
${output.stderr}`, options.workspace);
    case "json":
      return parseJsonLines(output.stdout, options);
    case "sarif":
      return parseSarif(output.stdout, options);
    case "exit-code":
      return { diagnostics: [], notes: [], malformed: 0 };
  }
}
var UNIX_LINE = /^(.+?):(\d+):(?:(\d+):)?\s*(.+)$/;
var ESLINT_SUFFIX = /\s*\[(Error|Warning)\/([^\]\s]+)\]$/;
var LEVEL_PREFIX = /^(error|warning|warn|note|notice|info)\s*:\s*/i;
function parseUnix(text, workspace) {
  const diagnostics = [];
  for (const raw of text.split("\n")) {
    const line = raw.replace(/\r$/, "");
    const m = UNIX_LINE.exec(line);
    if (!m) continue;
    let message = m[4].trim();
    let severity;
    let ruleId;
    const eslint = ESLINT_SUFFIX.exec(message);
    if (eslint) {
      severity = eslint[1] === "Error" ? "error" : "warning";
      ruleId = eslint[2];
      message = message.slice(0, eslint.index);
    }
    const level = LEVEL_PREFIX.exec(message);
    if (level) {
      severity ??= toSeverity(level[1]);
      message = message.slice(level[0].length);
    }
    diagnostics.push({
      path: normalizeToolPath(m[1], workspace),
      line: Number(m[2]),
      ...m[3] !== void 0 ? { column: Number(m[3]) } : {},
      message,
      ...severity ? { severity } : {},
      ...ruleId ? { ruleId } : {}
    });
  }
  return { diagnostics, notes: [], malformed: 0 };
}
function parseJsonLines(text, options) {
  const diagnostics = [];
  let malformed = 0;
  const trimmed = text.trim();
  let items;
  if (trimmed.startsWith("[")) {
    try {
      items = JSON.parse(trimmed);
    } catch {
      items = [];
      malformed++;
    }
  } else {
    items = [];
    for (const line of trimmed.split("\n")) {
      if (line.trim() === "") continue;
      try {
        items.push(JSON.parse(line));
      } catch {
        malformed++;
      }
    }
  }
  for (const item of Array.isArray(items) ? items : []) {
    const d = readJsonDiagnostic(item, options.workspace);
    if (d) diagnostics.push(d);
    else malformed++;
  }
  const notes = malformed > 0 ? [
    `${options.tool}: ${malformed} line${malformed === 1 ? "" : "s"} of output ${malformed === 1 ? "was" : "were"} not a JSON diagnostic {path, line, message} and ${malformed === 1 ? "was" : "were"} ignored`
  ] : [];
  return { diagnostics, notes, malformed };
}
function readJsonDiagnostic(item, workspace) {
  if (typeof item !== "object" || item === null) return void 0;
  const o = item;
  const path6 = typeof o.path === "string" ? o.path : typeof o.file === "string" ? o.file : void 0;
  if (path6 === void 0 || typeof o.message !== "string") return void 0;
  const line = o.line === void 0 ? 0 : Number(o.line);
  if (!Number.isInteger(line) || line < 0) return void 0;
  const column = Number(o.column);
  const severity = typeof o.severity === "string" ? toSeverity(o.severity) : void 0;
  const rule = typeof o.rule === "string" ? o.rule : typeof o.ruleId === "string" ? o.ruleId : void 0;
  return {
    path: normalizeToolPath(path6, workspace),
    line,
    ...Number.isInteger(column) && column > 0 ? { column } : {},
    message: o.message,
    ...severity ? { severity } : {},
    ...rule ? { ruleId: rule } : {}
  };
}
function parseSarif(text, options) {
  let log;
  try {
    log = JSON.parse(text);
  } catch (error) {
    return {
      diagnostics: [],
      notes: [`${options.tool}: the output is not SARIF JSON (${error.message}); nothing was read from it`],
      malformed: 1
    };
  }
  if (typeof log !== "object" || log === null || !Array.isArray(log.runs)) {
    return {
      diagnostics: [],
      notes: [`${options.tool}: the output has no SARIF 'runs' array; nothing was read from it`],
      malformed: 1
    };
  }
  const diagnostics = [];
  let malformed = 0;
  for (const run2 of log.runs) {
    const rules = run2.tool?.driver?.rules ?? [];
    for (const result of run2.results ?? []) {
      const rule = result.ruleIndex !== void 0 ? rules[result.ruleIndex] : rules.find((r) => r.id === result.ruleId);
      const ruleId = result.ruleId ?? rule?.id;
      const physical = result.locations?.[0]?.physicalLocation;
      const artifact = physical?.artifactLocation;
      let uri = artifact?.uri ?? (artifact?.index !== void 0 ? run2.artifacts?.[artifact.index]?.location?.uri : void 0);
      const message = result.message?.text ?? result.message?.markdown ?? rule?.shortDescription?.text ?? ruleId;
      if (uri === void 0 || message === void 0) {
        malformed++;
        continue;
      }
      const base = artifact?.uriBaseId ? run2.originalUriBaseIds?.[artifact.uriBaseId]?.uri : void 0;
      if (base !== void 0 && !/^[a-z][a-z0-9+.-]*:/i.test(uri)) uri = base.replace(/\/?$/, "/") + uri;
      const level = result.level ?? rule?.defaultConfiguration?.level ?? "warning";
      const line = physical?.region?.startLine ?? 0;
      const column = physical?.region?.startColumn;
      diagnostics.push({
        path: normalizeToolPath(uri, options.workspace),
        line,
        ...column !== void 0 ? { column } : {},
        message,
        severity: toSeverity(level),
        ...ruleId ? { ruleId } : {}
      });
    }
  }
  const notes = malformed > 0 ? [
    `${options.tool}: ${malformed} SARIF result${malformed === 1 ? "" : "s"} without a file location or message ${malformed === 1 ? "was" : "were"} ignored`
  ] : [];
  return { diagnostics, notes, malformed };
}
function toSeverity(level) {
  const l = level.toLowerCase();
  if (l === "error" || l === "fatal") return "error";
  if (l === "warning" || l === "warn") return "warning";
  return "notice";
}
function normalizeToolPath(raw, workspace) {
  let p = raw.trim();
  if (/^file:/i.test(p)) {
    try {
      p = (0, import_node_url.fileURLToPath)(p);
    } catch {
      p = p.replace(/^file:\/\//i, "");
    }
  } else if (/%[0-9a-f]{2}/i.test(p)) {
    try {
      p = decodeURIComponent(p);
    } catch {
    }
  }
  p = p.replace(/\\/g, "/");
  const ws = workspace.replace(/\\/g, "/").replace(/\/+$/, "");
  if (ws !== "" && p.startsWith(`${ws}/`)) p = p.slice(ws.length + 1);
  return import_node_path4.posix.normalize(p).replace(/^\.\//, "");
}
function mapDiagnosticsToDiff(diagnostics, files) {
  const kept = [];
  let outsideDiff = 0;
  let notReviewed = 0;
  for (const d of diagnostics) {
    const parsed = files.get(d.path);
    if (!parsed) notReviewed++;
    else if (d.line <= 0) kept.push({ ...d, line: 0 });
    else if (parsed.commentable.right.has(d.line)) kept.push(d);
    else outsideDiff++;
  }
  return { kept, outsideDiff, notReviewed };
}
function toCommandFindings(input, context) {
  const { action, output } = input;
  const format = action.format ?? "unix";
  const program = action.run.join(" ");
  if (format === "exit-code") {
    if (output.exitCode === 0) return { findings: [], notes: [] };
    return {
      findings: [
        {
          ruleId: context.ruleId,
          category: "validator",
          severity: action.severity ?? "error",
          path: input.passed[0] ?? "",
          line: 0,
          message: action.message ?? `'${program}' exited with status ${output.exitCode}`,
          anchor: `exit-code ${program}`,
          source: context.source
        }
      ],
      notes: []
    };
  }
  const parsed = parseCommandOutput(format, output, { workspace: input.workspace, tool: context.ruleId });
  const notes = [...parsed.notes];
  if (parsed.diagnostics.length === 0 && output.exitCode !== 0) {
    const printed = `${output.stdout}${output.stderr}`.trim() !== "";
    return {
      findings: [],
      notes,
      error: `'${program}' exited with status ${output.exitCode} and ${printed ? `printed nothing readable as ${format}` : "printed nothing"}`
    };
  }
  const mapping = mapDiagnosticsToDiff(parsed.diagnostics, input.files);
  const plural = (n) => `${n} finding${n === 1 ? "" : "s"}`;
  if (mapping.outsideDiff > 0)
    notes.push(
      `${context.ruleId}: ${plural(mapping.outsideDiff)} outside the diff ${mapping.outsideDiff === 1 ? "was" : "were"} not reported`
    );
  if (mapping.notReviewed > 0)
    notes.push(
      `${context.ruleId}: ${plural(mapping.notReviewed)} on files not under review ${mapping.notReviewed === 1 ? "was" : "were"} not reported`
    );
  const findings = mapping.kept.map((d) => ({
    ruleId: d.ruleId ? `${context.ruleId}/${d.ruleId}` : context.ruleId,
    category: "validator",
    severity: action.severity ?? d.severity ?? "warning",
    path: d.path,
    line: d.line,
    ...d.column !== void 0 ? { column: d.column } : {},
    message: action.message ? `${action.message}: ${d.message}` : d.message,
    anchor: `${d.message}
${lineText(input.files.get(d.path), d.line) ?? ""}`,
    source: context.source
  }));
  return { findings, notes };
}
function lineText(parsed, line) {
  if (!parsed || line <= 0) return void 0;
  for (const h of parsed.hunks)
    for (const l of h.lines) if (l.newLine === line && l.kind !== "removed") return l.text.trim();
  return void 0;
}

// src/core/validators/script.ts
var INLINE_FLAG = {
  python: "-c",
  python3: "-c",
  node: "-e",
  bash: "-c",
  sh: "-c",
  ruby: "-e",
  perl: "-e"
};
var PYTHON_PRELUDE = `import json, sys
class _Event(dict):
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name)
def _wrap(value):
    if isinstance(value, dict):
        return _Event({k: _wrap(v) for k, v in value.items()})
    if isinstance(value, list):
        return [_wrap(v) for v in value]
    return value
_scope = {"__name__": "__main__", "event": _wrap(json.load(sys.stdin))}
try:
    exec(compile(sys.argv[1], "<validator script>", "exec"), _scope)
except SystemExit:
    raise
except BaseException as _error:
    sys.stderr.write("\\n" + (str(_error) or type(_error).__name__) + "\\n")
    sys.exit(1)
`;
function scriptInterpreter(action) {
  if (action.runtime) return [action.runtime === "python" ? "python3" : action.runtime];
  const shebang = /^#!\s*(\S+)(?:[ \t]+(\S+))?/.exec(action.script);
  if (!shebang) return ["python3"];
  const [, program, argument] = shebang;
  if (/(^|\/)env$/.test(program) && argument) return [argument === "python" ? "python3" : argument];
  return [program];
}
function planScript(action, event) {
  const [interpreter] = scriptInterpreter(action);
  const name = interpreter.split("/").pop().replace(/[\d.]+$/, "");
  const stdin = JSON.stringify(event);
  if (name === "python" || name === "python3")
    return { argv: [interpreter, "-c", PYTHON_PRELUDE, withoutShebang(action.script)], stdin };
  const flag = INLINE_FLAG[name] ?? "-c";
  return { argv: [interpreter, flag, withoutShebang(action.script)], stdin };
}
function withoutShebang(script) {
  return script.startsWith("#!") ? script.replace(/^#![^\n]*/, "") : script;
}
function promptSubmittedEvent(hook, files) {
  return {
    event: "prompt.submitted",
    hook,
    // What would be sent for review, as one text: the seed's scripts search `event['prompt']`.
    prompt: files.map((f) => `--- ${f.path}
${f.patch}`).join("\n"),
    files: files.map((f) => ({
      path: f.path,
      status: f.status,
      patch: f.patch,
      added_lines: f.added.map((l) => ({ line: l.line, text: l.text }))
    }))
  };
}
function toScriptFindings(action, run2, where, context) {
  if (run2.exitCode === 0) return { findings: [], notes: [] };
  const said = lastLine(run2.stderr) ?? lastLine(run2.stdout);
  const message = action.message && said ? `${action.message}: ${said}` : action.message ?? said ?? `exited with status ${run2.exitCode}`;
  return {
    findings: [
      {
        ruleId: context.ruleId,
        category: "validator",
        severity: action.severity ?? "error",
        path: where,
        line: 0,
        message: message.slice(0, 500),
        anchor: `validator script ${context.ruleId}`,
        source: context.source
      }
    ],
    notes: []
  };
}
function lastLine(text) {
  const lines = text.split("\n").map((l) => l.trim()).filter(Boolean);
  return lines.at(-1);
}

// src/core/validators/path.ts
var import_node_path5 = require("node:path");
var PRESENT = /* @__PURE__ */ new Set(["added", "modified", "renamed", "copied", "changed"]);
function runPathValidator(action, input, context) {
  const severity = action.severity ?? "warning";
  const present = input.files.filter((f) => PRESENT.has(f.status));
  const findings = [];
  const notes = [];
  const draft = (path6, fallback, anchor) => ({
    ruleId: context.ruleId,
    category: "path",
    severity,
    path: path6,
    line: 0,
    message: action.message ?? fallback,
    anchor,
    source: context.source
  });
  for (const glob of action.forbid ?? []) {
    const mm = new Minimatch(glob, { dot: true });
    for (const f of present.filter((p) => mm.match(p.path))) {
      findings.push(draft(f.path, `Changes to paths matching '${glob}' are not allowed`, `forbid ${glob}`));
    }
  }
  if (action.max_bytes !== void 0) {
    let unknown = 0;
    for (const f of present) {
      const size = input.sizes?.get(f.path);
      if (size === void 0) unknown++;
      else if (size > action.max_bytes) {
        findings.push(
          draft(
            f.path,
            `File is ${size} bytes, over the limit of ${action.max_bytes} bytes`,
            `max_bytes ${action.max_bytes}`
          )
        );
      }
    }
    if (unknown > 0)
      notes.push(
        `${context.ruleId}: the size of ${unknown} file${unknown === 1 ? " is" : "s are"} unknown; max_bytes was not checked for ${unknown === 1 ? "it" : "them"}`
      );
  }
  if (action.companion) {
    const when = new Minimatch(action.companion.when, { dot: true });
    const candidates = (input.allFiles ?? input.files).filter((f) => PRESENT.has(f.status));
    for (const f of present.filter((p) => when.match(p.path))) {
      const wanted = expandCompanion(action.companion.require, f.path);
      const mm = new Minimatch(wanted, { dot: true });
      if (candidates.some((c) => c.path !== f.path && mm.match(c.path))) continue;
      findings.push(
        draft(
          f.path,
          `${f.path} changed without a companion file matching '${wanted}'`,
          `companion ${action.companion.require}`
        )
      );
    }
  }
  return { findings, notes };
}
function expandCompanion(template, path6) {
  const dir = import_node_path5.posix.dirname(path6);
  const base = import_node_path5.posix.basename(path6);
  const dot = base.lastIndexOf(".");
  const name = dot > 0 ? base.slice(0, dot) : base;
  let out = template.replaceAll("{name}", escapeGlob(name));
  if (dir === ".") out = out.replaceAll("{dir}/", "").replaceAll("{dir}", "");
  else out = out.replaceAll("{dir}", escapeGlob(dir));
  return out;
}
function escapeGlob(text) {
  return escape(text).replace(/[{}]/g, "\\$&");
}

// src/core/validators/pattern.ts
function runPatternValidator(action, targets, context, budget) {
  const regex = new RegExp(action.pattern, (action.flags ?? "").replace(/[gy]/g, ""));
  const mode = action.mode ?? "forbid";
  const severity = action.severity ?? "warning";
  const findings = [];
  let longLines2 = 0;
  let unchecked = 0;
  const deadline = budget ? budget.now() + budget.ms : Infinity;
  for (const target of targets) {
    let matched = false;
    for (const added of target.added) {
      if (unchecked > 0 || budget && budget.now() > deadline) {
        unchecked++;
        continue;
      }
      let text = added.text;
      if (text.length > MAX_TESTED_LINE_LENGTH) {
        longLines2++;
        text = text.slice(0, MAX_TESTED_LINE_LENGTH);
      }
      const m = regex.exec(text);
      if (!m) continue;
      matched = true;
      if (mode === "require") break;
      findings.push({
        ruleId: context.ruleId,
        category: "validator",
        severity,
        path: target.path,
        line: added.line,
        column: m.index + 1,
        message: describe(action, `Added line matches the forbidden pattern /${action.pattern}/`),
        anchor: text.trim(),
        source: context.source
      });
    }
    if (mode === "require" && !matched && target.added.length > 0 && unchecked === 0) {
      findings.push({
        ruleId: context.ruleId,
        category: "validator",
        severity,
        path: target.path,
        line: 0,
        message: describe(action, `No added line matches the required pattern /${action.pattern}/`),
        anchor: `require ${action.pattern}`,
        source: context.source
      });
    }
  }
  const subject = { type: "pattern-hook", id: context.ruleId };
  const limits = [];
  if (longLines2 > 0) {
    limits.push({ kind: "long-lines", subject, lines: longLines2, maxLength: MAX_TESTED_LINE_LENGTH, handling: "cut" });
  }
  if (unchecked > 0) limits.push({ kind: "time-budget", subject, budgetMs: budget.ms, unchecked });
  return { findings, notes: limits.map(describePatternLimit), limits };
}
function describe(action, fallback) {
  const message = action.message ?? fallback;
  return action.fix ? `${message} (fix: ${action.fix})` : message;
}

// src/hooks/run-actions.ts
var DEFAULT_MEMORY_BYTES = 16e3;
var DEFAULT_TIMEOUT_SECONDS = 60;
function hooksFor(config, event) {
  return config.hooks.filter((h) => h.events.includes(event));
}
function ruleIdFor(hook, index) {
  return hook.actions.length === 1 ? hook.name : `${hook.name}/${index + 1}`;
}
function describeError(error) {
  return error instanceof Error ? error.message : String(error);
}
function pathFilter(hook) {
  if (!hook.paths || hook.paths.length === 0) return () => true;
  const globs = hook.paths.map((g) => new Minimatch(g, { dot: true }));
  return (path6) => globs.some((g) => g.match(path6));
}
async function runHookActions(hook, input) {
  const hookDrafts = [];
  const errors = [];
  let blocking = hook.block === true;
  for (const [index, action] of hook.actions.entries()) {
    const context = { ruleId: ruleIdFor(hook, index), source: hook.name };
    try {
      const out = await runAction(action, { ...input, hook, context });
      hookDrafts.push(...out.findings);
      input.notes.push(...out.notes);
      reportLimits(out.limits ?? [], input.options.ports.logger);
      if (out.error !== void 0) errors.push(out.error);
      if (out.blocks) blocking = true;
    } catch (error) {
      errors.push(`${action.type} action: ${describeError(error)}`);
    }
  }
  return { hookDrafts, errors, blocking };
}
var NONE = { findings: [], notes: [] };
async function runAction(action, input) {
  const { mine, context } = input;
  const present = mine.filter((f) => f.file.status !== "removed");
  switch (action.type) {
    case "pattern":
      return runPatternValidator(
        action,
        present.map((f) => ({ path: f.file.path, added: f.parsed.added })),
        context,
        { now: () => input.options.ports.now().getTime(), ms: PATTERN_BUDGET_MS }
      );
    case "path": {
      const target = (f) => ({ path: f.file.path, status: f.file.status });
      return runPathValidator(
        action,
        { files: mine.map(target), allFiles: input.all.map(target), sizes: input.sizes },
        context
      );
    }
    case "command":
      return runCommandAction(action, present, input);
    case "validator":
      return runScriptValidator(action, present, input);
    case "memory":
      return readMemory(action, input);
    case "secret-scan":
    case "logger":
      return NONE;
  }
}
async function runCommandAction(action, present, input) {
  const paths = present.filter((f) => !f.file.binary).map((f) => f.file.path);
  if (paths.length === 0) return NONE;
  const refused = input.options.commandsRefused;
  if (refused !== void 0) return { ...NONE, error: `'${action.run.join(" ")}' was not run: ${refused}` };
  const argv = action.run.includes("{files}") ? action.run.flatMap((a) => a === "{files}" ? paths : [a]) : [...action.run, ...paths];
  const { ports, workspace } = input.options;
  const timeout = action.timeout ?? DEFAULT_TIMEOUT_SECONDS;
  const result = await ports.runCommand(argv, { cwd: workspace, timeoutMs: timeout * 1e3 });
  const program = action.run.join(" ");
  if (result.error !== void 0) return { ...NONE, error: `'${program}' could not run: ${result.error}` };
  if (result.timedOut) return { ...NONE, error: `'${program}' timed out after ${timeout}s and was killed` };
  const notes = [];
  if (result.truncated)
    notes.push(`${input.context.ruleId}: the output was cut at the size limit; later findings may be missing`);
  if (result.exitCode === null) return { ...NONE, notes, error: `'${program}' was killed by a signal` };
  const out = toCommandFindings(
    { action, output: result, files: input.reviewed, passed: paths, workspace },
    input.context
  );
  return {
    findings: out.findings,
    notes: [...notes, ...out.notes],
    ...out.error !== void 0 ? { error: out.error } : {}
  };
}
async function runScriptValidator(action, present, input) {
  const refused = input.options.commandsRefused;
  if (refused !== void 0) return { ...NONE, error: `the validator script was not run: ${refused}` };
  const event = promptSubmittedEvent(
    input.hook.name,
    present.map((f) => ({
      path: f.file.path,
      status: f.file.status,
      patch: patchOf(f.file) ?? "",
      added: f.parsed.added
    }))
  );
  const plan = planScript(action, event);
  const timeout = action.timeout ?? DEFAULT_TIMEOUT_SECONDS;
  const result = await input.options.ports.runCommand(plan.argv, {
    cwd: input.options.workspace,
    timeoutMs: timeout * 1e3,
    stdin: plan.stdin
  });
  const program = `${plan.argv[0]} script`;
  if (result.error !== void 0)
    return { ...NONE, error: `the validator's ${program} could not run: ${result.error}` };
  if (result.timedOut)
    return { ...NONE, error: `the validator's ${program} timed out after ${timeout}s and was killed` };
  if (result.exitCode === null) return { ...NONE, error: `the validator's ${program} was killed by a signal` };
  const out = toScriptFindings(action, result, present[0]?.file.path ?? "", input.context);
  return { ...out, blocks: out.findings.length > 0 };
}
async function readMemory(action, input) {
  const { ports } = input.options;
  const budget = action.max_bytes ?? DEFAULT_MEMORY_BYTES;
  let used = 0;
  const notes = [];
  for (const source of action.sources) {
    const content = await ports.readRepositoryFile(source);
    if (content === void 0) {
      const message2 = `${input.hook.name}: memory source '${source}' does not exist at the trusted ref; it was left out`;
      ports.logger.warning(message2);
      notes.push(message2);
      continue;
    }
    const bytes = Buffer.byteLength(content, "utf8");
    if (used + bytes <= budget) {
      input.memory.push({ source, content });
      used += bytes;
      continue;
    }
    const room = budget - used;
    const message = `${input.hook.name}: memory source '${source}' (${bytes} bytes) ${room > 0 ? `was cut to ${room} bytes` : "was left out"} to stay within max_bytes ${budget}`;
    ports.logger.warning(message);
    notes.push(message);
    if (room > 0) {
      input.memory.push({ source, content: truncateUtf8(content, room) });
      used = budget;
    }
  }
  return { findings: [], notes };
}
function truncateUtf8(text, bytes) {
  const buf = Buffer.from(text, "utf8").subarray(0, bytes);
  return buf.toString("utf8").replace(/\uFFFD$/, "");
}
function reportLimits(limits, logger) {
  for (const limit of limits) if (limit.kind === "time-budget") logger.warning(describePatternLimit(limit));
  return limits.map(describePatternLimit);
}

// src/hooks/secret-scan.ts
var crypto5 = deferBuiltin("node:crypto");
var BUILTIN_SECRET_SCAN = "secret-scan";
function toSecretRules(configs) {
  try {
    return compileCustomRules(configs);
  } catch (error) {
    if (error instanceof InvalidSecretRuleError) throw new ConfigurationError(error.message);
    throw error;
  }
}
async function readBaseline(path6, ports) {
  if (path6 === void 0) return void 0;
  const text = await ports.readRepositoryFile(path6);
  if (text === void 0) {
    ports.logger.warning(`secret-scan: the baseline file '${path6}' does not exist; no secret is baselined`);
    return void 0;
  }
  try {
    return parseBaseline(text);
  } catch (error) {
    ports.logger.warning(
      `secret-scan: the baseline file '${path6}' is not valid (${error instanceof Error ? error.message : String(error)}); no secret is baselined`
    );
    return void 0;
  }
}
function secretSettings(config, event) {
  const actions = [];
  for (const hook of hooksFor(config, event)) {
    for (const a of hook.actions) if (a.type === "secret-scan") actions.push({ hook: hook.name, action: a });
  }
  const custom = actions.flatMap((a) => a.action.rules ?? []);
  return {
    enabled: !actions.some((a) => a.action.enabled === false),
    hook: actions[0]?.hook ?? BUILTIN_SECRET_SCAN,
    allow: actions.flatMap((a) => [...a.action.allow ?? []]),
    allowPaths: actions.flatMap((a) => (a.action.allow_paths ?? []).map((g) => new Minimatch(g, { dot: true }))),
    rules: custom.length > 0 ? [...BUILTIN_RULES, ...toSecretRules(custom)] : void 0,
    baseline: actions.find((a) => a.action.baseline !== void 0)?.action.baseline,
    inlineAllow: actions.some((a) => a.action.inline_allow === true)
  };
}
function secretDraft(path6, line, match2, source, where = "") {
  const hint = secretHint(match2.secret);
  return {
    ruleId: match2.ruleId,
    category: "secret",
    severity: match2.severity,
    path: path6,
    line,
    endLine: line === match2.line ? match2.endLine : line,
    column: match2.column,
    message: `${match2.description} found${where} (${hint})`,
    // A hash, so the fingerprint follows the secret without carrying it.
    anchor: crypto5().createHash("sha256").update(match2.secret).digest("hex"),
    redacted: hint,
    source
  };
}
function scanForSecrets(files, pr, scan, baseline, budget) {
  const secrets = [];
  const drafts = [];
  const options = {
    allow: scan.allow,
    ...scan.rules ? { rules: scan.rules } : {},
    ...baseline ? { baseline } : {},
    ...budget ? { userRuleBudget: budget } : {},
    keepInlineAllowed: true
  };
  const add = (path6, line, match2, where = "", hitPath = path6) => {
    secrets.push({ path: hitPath, match: match2 });
    if (match2.inlineAllowed && scan.inlineAllow && where === "") return;
    const ignored = match2.inlineAllowed && where === "" ? " (its inline allow marker is ignored: see inline_allow)" : "";
    drafts.push(secretDraft(path6, line, match2, scan.hook, `${where}${ignored}`));
  };
  const inName = (text) => scanJoinedLines(text.replace(/[/\\\r\n]/g, " "), () => 0, options);
  for (const f of files) {
    const { path: path6, previousPath } = f.file;
    if (scan.allowPaths.some((g) => g.match(path6))) continue;
    const { parsed } = f;
    for (const match2 of scanJoinedLines(parsed.addedText, (i) => parsed.addedLineNumber(i), options)) {
      add(path6, match2.line, match2);
    }
    for (const match2 of inName(path6)) add(path6, 0, match2, " in the file name");
    if (previousPath !== void 0) {
      for (const match2 of inName(previousPath)) add(path6, 0, match2, " in the file's previous name");
    }
  }
  const first = files[0]?.file.path;
  if (pr && first !== void 0) {
    const fields = [
      ["title", pr.title],
      ["head branch", pr.headRef],
      ["base branch", pr.baseRef],
      ["author", pr.author],
      ["description", pr.description ?? ""]
    ];
    for (const [name, text] of fields) {
      for (const match2 of inName(text)) add(first, 0, match2, ` in the pull request's ${name}`, "");
    }
  }
  return { secrets, drafts };
}
function userRuleBudget(scan, ports) {
  if (!scan.rules?.some((r) => r.userPattern)) return void 0;
  return createUserRuleBudget(() => ports.now().getTime());
}

// src/hooks/prompt-submitted.ts
function reachesFailOn(drafts, failOn) {
  if (failOn === "never") return false;
  return drafts.some((d) => severityRank(d.severity) <= severityRank(failOn));
}
async function runPromptSubmittedHooks(files, options, extra = {}) {
  const { config, ports } = options;
  const drafts = [];
  const secrets = [];
  const memory = [];
  const executions = [];
  const notes = [];
  let blockedBy;
  const executedHooks = hooksFor(config, "hook.executed");
  const record = (execution) => {
    executions.push(execution);
    if (execution.error !== void 0) ports.logger.warning(`Hook '${execution.hook}' failed: ${execution.error}`);
    if (executedHooks.length > 0)
      ports.logger.debug(`hook.executed: ${execution.hook} (${execution.findings} findings)`);
  };
  const scanned = await scanPromptSecrets(files, config, ports, extra);
  secrets.push(...scanned.secrets);
  drafts.push(...scanned.drafts);
  notes.push(...scanned.notes);
  if (scanned.execution) record(scanned.execution);
  else notes.push("The built-in secret scan is turned off (secret-scan enabled: false)");
  const reviewed = new Map(files.map((f) => [f.file.path, f.parsed]));
  const sizes = /* @__PURE__ */ new Map();
  for (const f of files) if (f.size !== void 0) sizes.set(f.file.path, f.size);
  for (const hook of hooksFor(config, "prompt.submitted")) {
    if (hook.actions.every((a) => a.type === "secret-scan")) continue;
    const started = ports.now().getTime();
    const inPaths = pathFilter(hook);
    const { hookDrafts, errors, blocking } = await runHookActions(hook, {
      mine: files.filter((f) => inPaths(f.file.path)),
      all: files,
      reviewed,
      sizes,
      options,
      memory,
      notes
    });
    drafts.push(...hookDrafts);
    if (blocking && reachesFailOn(hookDrafts, options.failOn)) blockedBy ??= hook.name;
    record({
      hook: hook.name,
      event: "prompt.submitted",
      findings: hookDrafts.length,
      durationMs: ports.now().getTime() - started,
      ...errors.length > 0 ? { error: errors.join("; ") } : {}
    });
  }
  return {
    findings: createFindings(drafts),
    secrets,
    blocked: blockedBy !== void 0,
    ...blockedBy !== void 0 ? { blockedBy } : {},
    memory,
    executions,
    notes
  };
}
async function scanPromptSecrets(files, config, ports, extra) {
  const scan = secretSettings(config, "prompt.submitted");
  if (!scan.enabled) return { secrets: [], drafts: [], notes: [] };
  const baseline = await readBaseline(scan.baseline, ports);
  const started = ports.now().getTime();
  const budget = userRuleBudget(scan, ports);
  const found = scanForSecrets([...files, ...extra.scanOnly ?? []], extra.pullRequest, scan, baseline, budget);
  const execution = {
    hook: scan.hook,
    event: "prompt.submitted",
    findings: found.drafts.length,
    durationMs: ports.now().getTime() - started
  };
  return { ...found, execution, notes: reportLimits(budget ? userRuleLimits(budget) : [], ports.logger) };
}

// src/hooks/response-generated.ts
async function runResponseGeneratedHooks(comments, options) {
  const { config, ports } = options;
  const drafts = [];
  const secrets = [];
  const executions = [];
  const notes = [];
  scanCommentsForSecrets(comments, options, { drafts, secrets, executions, notes });
  for (const hook of hooksFor(config, "response.generated")) {
    if (!hook.actions.some((a) => a.type === "pattern")) continue;
    const started = ports.now().getTime();
    const inPaths = pathFilter(hook);
    let count = 0;
    const errors = [];
    for (const [index, action] of hook.actions.entries()) {
      if (action.type !== "pattern") continue;
      if ((action.mode ?? "forbid") === "require") {
        notes.push(`${hook.name}: a require pattern does not apply to the endpoint's comments and was skipped`);
        continue;
      }
      try {
        const context = { ruleId: ruleIdFor(hook, index), source: hook.name };
        comments.forEach((c) => {
          if (!inPaths(c.path)) return;
          const out = runPatternValidator(action, [{ path: c.path, added: textOf(c) }], context);
          notes.push(...out.notes);
          for (const d of out.findings) {
            drafts.push({ ...d, line: c.line, endLine: c.line, message: `${d.message} (in the endpoint's comment)` });
            count++;
          }
        });
      } catch (error) {
        errors.push(`pattern action: ${describeError(error)}`);
      }
    }
    const execution = {
      hook: hook.name,
      event: "response.generated",
      findings: count,
      durationMs: ports.now().getTime() - started,
      ...errors.length > 0 ? { error: errors.join("; ") } : {}
    };
    if (execution.error !== void 0) ports.logger.warning(`Hook '${hook.name}' failed: ${execution.error}`);
    executions.push(execution);
  }
  return { findings: createFindings(drafts), secrets, executions, notes };
}
function textOf(c) {
  return [c.body, ...c.suggestion !== void 0 ? [c.suggestion] : []].join("\n").split("\n").map((text, i) => ({ line: i + 1, text }));
}
function scanCommentsForSecrets(comments, { config, ports }, into) {
  const scan = secretSettings(config, "response.generated");
  if (!scan.enabled) return;
  const started = ports.now().getTime();
  let count = 0;
  const budget = userRuleBudget(scan, ports);
  const options = {
    allow: scan.allow,
    keepInlineAllowed: true,
    ...scan.rules ? { rules: scan.rules } : {},
    ...budget ? { userRuleBudget: budget } : {}
  };
  comments.forEach((c, index) => {
    if (scan.allowPaths.some((g) => g.match(c.path))) return;
    for (const match2 of scanSecrets(textOf(c), options)) {
      into.secrets.push({ index, match: match2 });
      into.drafts.push(secretDraft(c.path, c.line, match2, scan.hook, " in the endpoint's comment"));
      count++;
    }
  });
  into.notes.push(...reportLimits(budget ? userRuleLimits(budget) : [], ports.logger));
  into.executions.push({
    hook: scan.hook,
    event: "response.generated",
    findings: count,
    durationMs: ports.now().getTime() - started
  });
}

// src/hooks/logger-events.ts
function collectLoggers(config, event) {
  const out = /* @__PURE__ */ new Map();
  for (const hook of hooksFor(config, event)) {
    for (const a of hook.actions) if (a.type === "logger" && !out.has(a.output)) out.set(a.output, a);
  }
  return [...out.values()];
}

// src/logger.ts
function createRecordingLogger() {
  const lines = [];
  const push = (level) => (message) => void lines.push(`${level}: ${message}`);
  return {
    lines,
    debug: push("debug"),
    info: push("info"),
    notice: push("notice"),
    warning: push("warning"),
    error: push("error")
  };
}

// src/core/findings/redactor.ts
function createRedactor(initial = [], options = {}) {
  const secrets = [];
  const seen = /* @__PURE__ */ new Set();
  const learn = (found) => {
    for (const s of found) {
      if (s.secret.length === 0 || seen.has(s.secret)) continue;
      seen.add(s.secret);
      options.onLearn?.(s);
      secrets.push(s);
    }
  };
  learn(initial);
  const scan = options.scan ?? {};
  const text = (t) => redactView(t, plainView(t), secrets, scan);
  const finding = (f) => {
    const message = text(f.message);
    const title = f.title !== void 0 ? text(f.title) : void 0;
    const suggestion = f.suggestion !== void 0 ? text(f.suggestion) : void 0;
    if (message === f.message && title === f.title && suggestion === f.suggestion) return f;
    return {
      ...f,
      message,
      ...title !== void 0 ? { title } : {},
      ...suggestion !== void 0 ? { suggestion } : {}
    };
  };
  return {
    learn,
    text,
    patch: (p) => redactView(p, diffView(p), secrets, scan),
    path: (p) => redactView(p, pathView(p), secrets, scan),
    known: (t) => redactView(t, plainView(t), secrets, void 0),
    finding,
    findings: (fs) => fs.map(finding),
    get secrets() {
      return secrets;
    }
  };
}
function redactText(text, known = []) {
  return createRedactor(known).text(text);
}
function plainView(text) {
  return { view: text.includes("\r") ? text.replace(/\r/g, " ") : text, toText: (i) => i, diff: false };
}
function pathView(path6) {
  return { view: path6.replace(/[/\\\r]/g, " "), toText: (i) => i, diff: false };
}
function diffView(patch) {
  const viewStarts = [];
  const textStarts = [];
  const dropped = [];
  const parts = [];
  let at = 0;
  let viewAt = 0;
  for (const line of patch.split("\n")) {
    const drop = line.length > 0 ? 1 : 0;
    viewStarts.push(viewAt);
    textStarts.push(at);
    dropped.push(drop);
    const kept = line.slice(drop).replace(/\r/g, " ");
    parts.push(kept);
    viewAt += kept.length + 1;
    at += line.length + 1;
  }
  const toText = (i) => {
    const line = indexOfLine(viewStarts, i);
    return textStarts[line] + dropped[line] + (i - viewStarts[line]);
  };
  return { view: parts.join("\n"), toText, diff: true };
}
function redactView(text, view, known, scan) {
  const spans = [];
  for (const s of known) {
    if (s.secret.length === 0) continue;
    for (const start of occurrences(text, s.secret))
      spans.push({ start, end: start + s.secret.length, ruleId: s.ruleId });
    if (view.view !== text) {
      for (const at of occurrences(view.view, s.secret)) spans.push(mapSpan(view, at, s.secret.length, s.ruleId));
    }
  }
  if (scan) {
    const found = scanJoinedLines(view.view, (i) => i + 1, { ...scan, keepInlineAllowed: true });
    for (const m of found) spans.push(mapSpan(view, m.offset, m.secret.length, m.ruleId));
  }
  if (spans.length === 0) return text;
  return replaceSpans(text, mergeSpans(spans), view.diff);
}
function occurrences(text, value) {
  const out = [];
  for (let at = text.indexOf(value); at !== -1; at = text.indexOf(value, at + value.length)) out.push(at);
  return out;
}
function mapSpan(view, start, length, ruleId) {
  return { start: view.toText(start), end: view.toText(start + length - 1) + 1, ruleId };
}
function mergeSpans(spans) {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out = [];
  let longest = 0;
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) {
      const ruleId = s.end - s.start > longest ? s.ruleId : last.ruleId;
      longest = Math.max(longest, s.end - s.start);
      out[out.length - 1] = { start: last.start, end: Math.max(last.end, s.end), ruleId };
      continue;
    }
    out.push(s);
    longest = s.end - s.start;
  }
  return out;
}
function replaceSpans(text, spans, diff) {
  const parts = [];
  let at = 0;
  for (const s of spans) {
    parts.push(text.slice(at, s.start));
    const token = `[REDACTED:${s.ruleId}]`;
    const lines = text.slice(s.start, s.end).split("\n");
    parts.push(
      lines.map((line, i, all) => {
        const marker = i > 0 && diff && /^[+\- ]/.test(line) ? line[0] : "";
        const cr = i < all.length - 1 && line.endsWith("\r") ? "\r" : "";
        return `${marker}${token}${cr}`;
      }).join("\n")
    );
    at = s.end;
  }
  parts.push(text.slice(at));
  return parts.join("");
}

// src/codex-session/audit-record.ts
var MAX_CONTENT = 8e3;
function createSessionAuditRecord(input) {
  const { event, result } = input;
  const known = result?.secrets ?? [];
  const clean = (text) => redactText(text, known);
  const content = input.content ?? "";
  const reason = input.answer.kind === "block" || input.answer.kind === "deny" ? input.answer.reason : null;
  return {
    timestamp: input.timestamp,
    event: "conversation.updated",
    source: "codex",
    codex_event: event?.name ?? input.eventName ?? null,
    session_id: event?.sessionId ?? null,
    turn_id: event?.turnId ?? null,
    tool_name: event && "toolName" in event ? event.toolName : null,
    tool_use_id: event && "toolName" in event ? event.toolUseId ?? null : null,
    decision: input.answer.kind,
    reason: reason !== null ? clean(reason) : null,
    // Redacted whole, then cut: a cut could split a secret and hide it from the redactor.
    content: clean(content).slice(0, MAX_CONTENT),
    content_chars: content.length,
    findings: (result?.findings ?? []).map((f) => ({
      rule_id: f.ruleId,
      severity: f.severity,
      path: f.path,
      line: f.line,
      message: clean(f.message),
      ...f.redacted !== void 0 ? { hint: f.redacted } : {}
    })),
    hooks: (result?.executions ?? []).map((e) => ({
      hook: e.hook,
      event: e.event,
      findings: e.findings,
      duration_ms: e.durationMs,
      error: e.error !== void 0 ? clean(e.error) : null
    })),
    notes: (result?.notes ?? []).map(clean),
    failure: input.failure ? { ...input.failure, message: clean(input.failure.message) } : null,
    duration_ms: input.durationMs
  };
}
var WITHOUT_METADATA = [
  "timestamp",
  "event",
  "source",
  "codex_event",
  "tool_name",
  "decision",
  "reason",
  "findings",
  "failure"
];
function withoutMetadata(record) {
  return Object.fromEntries(WITHOUT_METADATA.map((k) => [k, record[k]]));
}

// src/codex-session/config-cache.ts
var import_node_fs3 = require("node:fs");
var import_node_path6 = __toESM(require("node:path"), 1);

// src/config/types.ts
var DEFAULT_CONFIG = { version: 1, hooks: [] };

// src/core/version.ts
var VERSION = "0.1.0";

// src/codex-session/config-cache.ts
async function loadSessionConfig(root, configPath, cacheDir) {
  const file = import_node_path6.default.resolve(root, configPath);
  let text;
  try {
    text = (0, import_node_fs3.readFileSync)(file, "utf8");
  } catch (error) {
    if (error.code === "ENOENT")
      return { config: DEFAULT_CONFIG, source: `built-in defaults (no ${configPath})` };
    throw error;
  }
  const keyed2 = `${VERSION}\0${configPath}\0${text}`;
  const cached = import_node_path6.default.join(cacheDir, `config-${hashKey(keyed2)}.json`);
  try {
    const entry = JSON.parse((0, import_node_fs3.readFileSync)(cached, "utf8"));
    if (entry.keyed === keyed2 && entry.config) return { config: entry.config, source: configPath };
  } catch {
  }
  const { parseHooksConfig } = await Promise.resolve().then(() => __toESM(require("./config-parser.cjs"), 1));
  const config = parseHooksConfig(text, configPath);
  try {
    (0, import_node_fs3.mkdirSync)(cacheDir, { recursive: true, mode: 448 });
    const temp = `${cached}.${process.pid}.tmp`;
    (0, import_node_fs3.writeFileSync)(temp, JSON.stringify({ keyed: keyed2, config }), { mode: 384 });
    (0, import_node_fs3.renameSync)(temp, cached);
  } catch {
  }
  return { config, source: configPath };
}
function hashKey(text) {
  const lane = (seed) => {
    let h1 = 3735928559 ^ seed;
    let h2 = 1103547991 ^ seed;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    h1 = Math.imul(h1 ^ h1 >>> 16, 2246822507) ^ Math.imul(h2 ^ h2 >>> 13, 3266489909);
    h2 = Math.imul(h2 ^ h2 >>> 16, 2246822507) ^ Math.imul(h1 ^ h1 >>> 13, 3266489909);
    return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, "0");
  };
  return lane(1) + lane(2);
}
function defaultCacheDir(env, home) {
  const base = env.XDG_CACHE_HOME && import_node_path6.default.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : import_node_path6.default.join(home, ".cache");
  return import_node_path6.default.join(base, "codex-hooks");
}

// src/codex-session/answer.ts
function renderAnswer(answer, event) {
  const json = (value) => ({ stdout: JSON.stringify(value) + "\n", stderr: "", exitCode: 0 });
  switch (answer.kind) {
    case "allow":
      return { stdout: "", stderr: "", exitCode: 0 };
    case "context":
      if (event === void 0) return { stdout: "", stderr: "", exitCode: 0 };
      return json({ hookSpecificOutput: { hookEventName: event, additionalContext: answer.text } });
    case "deny":
      if (event === "PreToolUse") {
        return json({
          hookSpecificOutput: {
            hookEventName: "PreToolUse",
            permissionDecision: "deny",
            permissionDecisionReason: answer.reason
          }
        });
      }
      return blockAnswer(answer.reason, event);
    case "block":
      return blockAnswer(answer.reason, event);
  }
}
function blockAnswer(reason, event) {
  if (event === void 0 || event === "SessionStart") return { stdout: "", stderr: reason + "\n", exitCode: 2 };
  if (event === "PreToolUse") return renderAnswer({ kind: "deny", reason }, event);
  return { stdout: JSON.stringify({ decision: "block", reason }) + "\n", stderr: "", exitCode: 0 };
}

// src/codex-session/codex-event.ts
var CODEX_EVENTS = ["SessionStart", "UserPromptSubmit", "PreToolUse", "PostToolUse", "Stop"];
var CodexEventError = class extends Error {
  constructor(message, event) {
    super(message);
    this.event = event;
  }
  event;
  name = "CodexEventError";
  kind = "bad-stdin";
};
function isEventName(value) {
  return typeof value === "string" && CODEX_EVENTS.includes(value);
}
function parseCodexEvent(text) {
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    throw new CodexEventError(`stdin is not JSON (${text.length} characters)`);
  }
  if (typeof data !== "object" || data === null || Array.isArray(data))
    throw new CodexEventError("stdin is not a JSON object");
  const o = data;
  const name = o.hook_event_name;
  if (!isEventName(name)) {
    throw new CodexEventError(
      `hook_event_name must be one of ${CODEX_EVENTS.join(", ")}; got ${typeof name === "string" ? `'${name.slice(0, 40)}'` : typeof name}`
    );
  }
  const field = (key, required = true) => {
    const v = o[key];
    if (typeof v === "string") return v;
    if (v === void 0 || v === null) {
      if (required) throw new CodexEventError(`${name}: the field '${key}' is missing`, name);
      return void 0;
    }
    throw new CodexEventError(`${name}: the field '${key}' must be a string; got ${typeof v}`, name);
  };
  const turnId = field("turn_id", false);
  const model = field("model", false);
  const common = {
    sessionId: field("session_id"),
    cwd: field("cwd"),
    ...turnId !== void 0 ? { turnId } : {},
    ...model !== void 0 ? { model } : {}
  };
  switch (name) {
    case "SessionStart": {
      const source = field("source", false);
      return { name, ...common, ...source !== void 0 ? { source } : {} };
    }
    case "UserPromptSubmit":
      return { name, ...common, prompt: field("prompt") };
    case "PreToolUse":
      return { name, ...common, ...toolFields(o, name) };
    case "PostToolUse":
      return { name, ...common, ...toolFields(o, name), toolResponse: stringify(o.tool_response) };
    case "Stop":
      return {
        name,
        ...common,
        stopHookActive: o.stop_hook_active === true,
        lastAssistantMessage: field("last_assistant_message", false) ?? ""
      };
  }
}
function toolFields(o, name) {
  const toolName = o.tool_name;
  if (typeof toolName !== "string") throw new CodexEventError(`${name}: the field 'tool_name' is missing`, name);
  const input = o.tool_input;
  const command = typeof input === "object" && input !== null && typeof input.command === "string" ? input.command : stringify(input);
  const toolUseId = typeof o.tool_use_id === "string" ? o.tool_use_id : void 0;
  return { toolName, command, ...toolUseId !== void 0 ? { toolUseId } : {} };
}
function stringify(value) {
  if (typeof value === "string") return value;
  if (value === void 0 || value === null) return "";
  return JSON.stringify(value);
}
function sniffEventName(text) {
  const m = /"hook_event_name"\s*:\s*"([A-Za-z]+)"/.exec(text);
  return m && isEventName(m[1]) ? m[1] : void 0;
}

// src/codex-session/apply-patch.ts
var PatchFormatError = class extends Error {
  name = "PatchFormatError";
  kind = "bad-patch";
};
var HEADER = /^\*\*\* (Add File|Delete File|Update File): (.+)$/;
function parseApplyPatch(text) {
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  while (lines.length > 0 && lines[lines.length - 1].trim() === "") lines.pop();
  const start = lines.findIndex((l) => l.trim() === "*** Begin Patch");
  if (start < 0) throw new PatchFormatError("the patch does not start with '*** Begin Patch'");
  const ops = [];
  let op;
  let chunk;
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === "*** End Patch") break;
    const header = HEADER.exec(line);
    if (header) {
      const kind = header[1] === "Add File" ? "add" : header[1] === "Delete File" ? "delete" : "update";
      op = { kind, path: header[2].trim(), added: [], chunks: [] };
      chunk = void 0;
      ops.push(op);
      continue;
    }
    if (!op) throw new PatchFormatError(`a patch line comes before any file header: '${line.slice(0, 60)}'`);
    if (op.kind === "add") {
      if (line.startsWith("+")) op.added.push(line.slice(1));
      continue;
    }
    if (line.startsWith("*** Move to: ")) {
      op.moveTo = line.slice("*** Move to: ".length).trim();
      continue;
    }
    if (line.trim() === "*** End of File") continue;
    if (line.startsWith("@@")) {
      const anchor = line.slice(2).trim();
      chunk = { ...anchor !== "" ? { anchor } : {}, lines: [] };
      op.chunks.push(chunk);
      continue;
    }
    if (!chunk) op.chunks.push(chunk = { lines: [] });
    const marker = line[0];
    if (marker === "+" || marker === "-" || marker === " ") chunk.lines.push({ kind: marker, text: line.slice(1) });
    else if (line === "") chunk.lines.push({ kind: " ", text: "" });
    else throw new PatchFormatError(`'${op.path}': a chunk line must start with ' ', '-' or '+'`);
  }
  return ops;
}
async function patchToChangedFiles(text, read) {
  const files = [];
  for (const op of parseApplyPatch(text)) {
    const current = op.kind === "update" ? await read(op.path) : void 0;
    files.push(toChangedFile(op, current));
  }
  return files;
}
function toChangedFile(op, current) {
  if (op.kind === "add") {
    return {
      path: op.path,
      status: "added",
      additions: op.added.length,
      deletions: 0,
      content: op.added.length > 0 ? op.added.join("\n") + "\n" : ""
    };
  }
  if (op.kind === "delete") return { path: op.path, status: "removed", additions: 0, deletions: 0 };
  const { patch, additions, deletions } = unifiedDiff(op.chunks, current?.split("\n") ?? []);
  return {
    path: op.moveTo ?? op.path,
    ...op.moveTo !== void 0 ? { previousPath: op.path } : {},
    status: op.moveTo !== void 0 ? "renamed" : "modified",
    additions,
    deletions,
    ...patch !== "" ? { patch } : {}
  };
}
function unifiedDiff(chunks, current) {
  let cursor = 0;
  let shift = 0;
  let additions = 0;
  let deletions = 0;
  const hunks = [];
  for (const chunk of chunks) {
    if (chunk.anchor !== void 0) {
      const at = seek(current, [chunk.anchor], cursor);
      if (at >= 0) cursor = at + 1;
    }
    const old = chunk.lines.filter((l) => l.kind !== "+").map((l) => l.text);
    const found = old.length > 0 ? seek(current, old, cursor) : -1;
    const oldStart = (found >= 0 ? found : cursor) + 1;
    const added = chunk.lines.filter((l) => l.kind === "+").length;
    const removed = chunk.lines.filter((l) => l.kind === "-").length;
    additions += added;
    deletions += removed;
    const oldCount = old.length;
    const newCount = oldCount - removed + added;
    const body = chunk.lines.map((l) => `${l.kind}${l.text}`).join("\n");
    hunks.push(`@@ -${oldStart},${oldCount} +${oldStart + shift},${newCount} @@
${body}`);
    shift += newCount - oldCount;
    cursor = oldStart - 1 + oldCount;
  }
  return { patch: hunks.join("\n"), additions, deletions };
}
function seek(lines, needle, from) {
  const tries = [(s) => s, (s) => s.trimEnd(), (s) => s.trim()];
  for (const norm of tries) {
    for (let i = from; i + needle.length <= lines.length; i++) {
      if (needle.every((n, k) => norm(lines[i + k]) === norm(n))) return i;
    }
  }
  return -1;
}

// src/core/diff/parse-patch.ts
var HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@ ?(.*)/s;
var PLUS = 43;
var MINUS = 45;
var SPACE = 32;
var AT = 64;
var CR = 13;
function parsePatch(patch) {
  const text = patch ?? "";
  const hunks = [];
  const right = [];
  const left = [];
  const added = { starts: [], ends: [], numbers: [], firstIndex: -1, lastIndex: -1, crlf: false };
  let current;
  let oldLine = 0;
  let newLine = 0;
  let lineIndex = 0;
  const close = (bodyEnd) => {
    if (!current) return;
    const h = current.header;
    right.push([Number(h[3]), newLine]);
    left.push([Number(h[1]), oldLine]);
    hunks.push(new PatchHunk(text, current.bodyStart, bodyEnd, h));
    current = void 0;
  };
  eachLine(text, 0, text.length, (start, end, next) => {
    lineIndex++;
    const marker = text.charCodeAt(start);
    if (marker === AT && text.charCodeAt(start + 1) === AT) {
      const header = HUNK_HEADER.exec(text.slice(start, end));
      if (header) {
        close(start);
        current = { header, bodyStart: next };
        oldLine = Number(header[1]);
        newLine = Number(header[3]);
        return;
      }
    }
    if (!current) return;
    if (marker === PLUS) {
      if (added.firstIndex < 0) added.firstIndex = lineIndex;
      added.lastIndex = lineIndex;
      if (end < next - 1) added.crlf = true;
      added.starts.push(start + 1);
      added.ends.push(end);
      added.numbers.push(newLine++);
    } else if (marker === MINUS) oldLine++;
    else if (marker === SPACE || end === start) {
      oldLine++;
      newLine++;
    }
  });
  close(text.length);
  return new PatchView(text, hunks, added, { right: new LineRanges(right), left: new LineRanges(left) });
}
function eachLine(text, from, to, visit) {
  for (let start = from; start < to; ) {
    const newline = text.indexOf("\n", start);
    const next = newline === -1 || newline >= to ? to : newline + 1;
    let end = newline === -1 || newline >= to ? to : newline;
    if (end > start && text.charCodeAt(end - 1) === CR) end--;
    visit(start, end, next);
    start = next;
  }
}
var PatchView = class {
  constructor(patch, hunks, offsets, commentable) {
    this.patch = patch;
    this.hunks = hunks;
    this.offsets = offsets;
    this.commentable = commentable;
  }
  patch;
  hunks;
  offsets;
  commentable;
  addedLines;
  joined;
  get addedCount() {
    return this.offsets.numbers.length;
  }
  addedLineNumber(index) {
    return this.offsets.numbers[index];
  }
  get added() {
    const { starts, ends, numbers } = this.offsets;
    this.addedLines ??= numbers.map((line, i) => ({ line, text: this.patch.slice(starts[i], ends[i]) }));
    return this.addedLines;
  }
  get addedText() {
    this.joined ??= this.joinAdded();
    return this.joined;
  }
  joinAdded() {
    const { starts, ends, firstIndex, lastIndex, crlf } = this.offsets;
    const count = starts.length;
    if (count === 0) return "";
    if (!crlf && lastIndex - firstIndex + 1 === count) {
      return this.patch.slice(starts[0], ends[count - 1]).replaceAll("\n+", "\n");
    }
    return this.added.map((l) => l.text).join("\n");
  }
};
var PatchHunk = class {
  constructor(patch, bodyStart, bodyEnd, h) {
    this.patch = patch;
    this.bodyStart = bodyStart;
    this.bodyEnd = bodyEnd;
    this.oldStart = Number(h[1]);
    this.oldLines = h[2] === void 0 ? 1 : Number(h[2]);
    this.newStart = Number(h[3]);
    this.newLines = h[4] === void 0 ? 1 : Number(h[4]);
    this.header = h[5] ?? "";
  }
  patch;
  bodyStart;
  bodyEnd;
  oldStart;
  oldLines;
  newStart;
  newLines;
  header;
  body;
  get lines() {
    if (this.body) return this.body;
    const lines = [];
    const patch = this.patch;
    let oldLine = this.oldStart;
    let newLine = this.newStart;
    eachLine(patch, this.bodyStart, this.bodyEnd, (start, end) => {
      const marker = patch.charCodeAt(start);
      const text = patch.slice(start + 1, end);
      if (marker === PLUS) lines.push({ kind: "added", text, newLine: newLine++ });
      else if (marker === MINUS) lines.push({ kind: "removed", text, oldLine: oldLine++ });
      else if (marker === SPACE || end === start)
        lines.push({ kind: "context", text, oldLine: oldLine++, newLine: newLine++ });
    });
    this.body = lines;
    return lines;
  }
};

// src/codex-session/checks.ts
var onFiles = (...types) => (a) => types.includes(a.type);
var onText = (a) => a.type === "secret-scan" || a.type === "pattern" && a.mode !== "require";
function withActions(config, keep) {
  const hooks = config.hooks.map((h) => ({ ...h, actions: h.actions.filter(keep) })).filter((h) => h.actions.length > 0);
  return { version: config.version, hooks };
}
function toReviewFile(file) {
  return { file, parsed: file.content !== void 0 ? parseWholeFile(file.content) : parsePatch(file.patch) };
}
function textAsFile(name, text) {
  return { path: name, status: "added", additions: 1, deletions: 0, content: text };
}
async function checkFiles(files, actions, ctx) {
  const result = await runPromptSubmittedHooks(files.map(toReviewFile), {
    config: withActions(ctx.config, actions),
    failOn: ctx.failOn,
    workspace: ctx.root,
    ports: ctx.ports
  });
  return toCheckResult(result, result.memory);
}
async function checkOutput(name, text, ctx) {
  const result = await runResponseGeneratedHooks([{ path: name, line: 1, body: text }], {
    config: ctx.config,
    failOn: ctx.failOn,
    workspace: ctx.root,
    ports: ctx.ports
  });
  return toCheckResult(result, []);
}
function toCheckResult(result, memory) {
  const matches = result.secrets.map((s) => s.match);
  return {
    findings: createRedactor(matches).findings(result.findings),
    secrets: matches.map((m) => ({ secret: m.secret, ruleId: m.ruleId })),
    executions: result.executions,
    memory,
    notes: result.notes
  };
}
function mergeResults(a, b) {
  return {
    findings: [...a.findings, ...b.findings],
    secrets: [...a.secrets, ...b.secrets],
    executions: [...a.executions, ...b.executions],
    memory: [...a.memory, ...b.memory],
    notes: [...a.notes, ...b.notes]
  };
}
function blockingFindings(findings, failOn) {
  if (failOn === "never") return [];
  return findings.filter((f) => severityRank(f.severity) <= severityRank(failOn));
}
var MAX_LISTED = 10;
function describeFindings(intro, findings) {
  const lines = findings.slice(0, MAX_LISTED).map((f) => {
    const where = f.line > 0 ? `${f.path}:${f.line}` : f.path;
    const fix = f.category === "secret" ? " Remove the value; read it from an environment variable or a secret store instead, and never repeat it." : "";
    return `- ${where}: ${f.message} [${f.ruleId}].${fix}`;
  });
  if (findings.length > MAX_LISTED) lines.push(`- \u2026and ${findings.length - MAX_LISTED} more`);
  return `${intro}
${lines.join("\n")}`;
}

// src/codex-session/shell-command.ts
var HEREDOC = /<<(-?)\s*(['"]?)([A-Za-z_][A-Za-z0-9_.-]*)\2/g;
var REDIRECT = /(?:^|[^0-9&>])>>?\s*(['"]?)([^\s'";&|<>()]+)\1/;
var TEE = /\btee\s+(?:-a\s+)?(['"]?)([^\s'";&|<>()]+)\1/;
function readShellCommand(command) {
  const lines = command.replace(/\r\n/g, "\n").split("\n");
  const files = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const markers = [...line.matchAll(HEREDOC)].filter((m) => line[m.index - 1] !== "<");
    if (markers.length === 0) continue;
    let next = i + 1;
    for (const [index, m] of markers.entries()) {
      const tag = m[3];
      const stripTabs = m[1] === "-";
      const bodyStart = next;
      while (next < lines.length && (stripTabs ? lines[next].replace(/^\t+/, "") : lines[next]) !== tag) next++;
      const body = lines.slice(bodyStart, next).map((l) => stripTabs ? l.replace(/^\t+/, "") : l);
      const target = index === 0 ? writtenFile(line) : void 0;
      if (target !== void 0) {
        files.push({
          path: target,
          status: "added",
          additions: body.length,
          deletions: 0,
          content: body.length > 0 ? body.join("\n") + "\n" : ""
        });
        for (let k = bodyStart; k < next; k++) lines[k] = "";
      }
      next++;
    }
    i = next - 1;
  }
  return { text: lines.join("\n"), files };
}
function writtenFile(line) {
  const m = REDIRECT.exec(line) ?? TEE.exec(line);
  const path6 = m?.[2];
  return path6 !== void 0 && path6 !== "/dev/null" && !path6.startsWith("$") ? path6 : void 0;
}

// src/codex-session/events/tool-use.ts
var COMMAND_NAME = "<command>";
var TOOL_OUTPUT_NAME = "<tool output>";
var PATCH_TOOLS = /* @__PURE__ */ new Set(["apply_patch", "Edit", "Write"]);
async function handlePreToolUse(event, ctx) {
  const result = PATCH_TOOLS.has(event.toolName) ? await checkPatch(event.command, ctx) : await checkCommand(event.command, ctx);
  const blocking = blockingFindings(result.findings, ctx.failOn);
  if (blocking.length === 0) return { answer: { kind: "allow" }, result, content: event.command };
  const what = PATCH_TOOLS.has(event.toolName) ? "this patch" : "this command";
  const reason = describeFindings(
    `codex-hooks (the repository's .github/codex-hooks.yml) refused ${what}; nothing was run or written. Fix these and try again:`,
    blocking
  );
  return { answer: { kind: "deny", reason }, result, content: event.command };
}
async function checkPatch(patch, ctx) {
  try {
    const files = await patchToChangedFiles(patch, (path6) => ctx.ports.readRepositoryFile(path6));
    return await checkFiles(files, onFiles("secret-scan", "pattern", "path"), ctx);
  } catch (error) {
    if (!(error instanceof PatchFormatError)) throw error;
    return checkFiles([textAsFile(COMMAND_NAME, patch)], onText, ctx);
  }
}
async function checkCommand(command, ctx) {
  const view = readShellCommand(command);
  const text = await checkFiles([textAsFile(COMMAND_NAME, view.text)], onText, ctx);
  if (view.files.length === 0) return text;
  return mergeResults(text, await checkFiles(view.files, onFiles("secret-scan", "pattern", "path"), ctx));
}
async function handlePostToolUse(event, ctx) {
  const result = await checkOutput(TOOL_OUTPUT_NAME, event.toolResponse, ctx);
  const blocking = blockingFindings(result.findings, ctx.failOn);
  if (blocking.length === 0) return { answer: { kind: "allow" }, result, content: event.toolResponse };
  const reason = describeFindings(
    "codex-hooks: the output of this tool call holds a secret or a forbidden pattern. Do not repeat, quote or store the value; continue without it:",
    blocking
  );
  return { answer: { kind: "block", reason }, result, content: event.toolResponse };
}

// src/codex-session/events/session-start.ts
async function handleSessionStart(event, ctx) {
  await ctx.ports.recordSessionStart(event.sessionId);
  const result = await checkFiles([], onFiles("memory"), ctx);
  if (result.memory.length === 0) return { answer: { kind: "allow" }, result, content: "" };
  const sections = result.memory.map((m) => `## ${m.source}

${m.content.trimEnd()}`).join("\n\n");
  const text = redactText(`Repository memory from codex-hooks (.github/codex-hooks.yml):

${sections}`, []);
  return {
    answer: { kind: "context", text },
    result,
    content: `memory: ${result.memory.map((m) => m.source).join(", ")}`
  };
}

// src/codex-session/events/stop.ts
var ASSISTANT_MESSAGE_NAME = "<assistant message>";
async function handleStop(event, ctx) {
  const message = await checkOutput(ASSISTANT_MESSAGE_NAME, event.lastAssistantMessage, ctx);
  const changes = await ctx.ports.sessionChanges(event.sessionId);
  const result = mergeResults(message, await checkFiles(changes, onFiles("secret-scan", "command"), ctx));
  const blocking = blockingFindings(result.findings, ctx.failOn);
  const content = event.lastAssistantMessage;
  if (blocking.length === 0) return { answer: { kind: "allow" }, result, content };
  if (event.stopHookActive) {
    const note = `stop_hook_active: the turn already went back once; ${blocking.length} finding(s) remain and are only logged`;
    return { answer: { kind: "allow" }, result: { ...result, notes: [...result.notes, note] }, content };
  }
  const reason = describeFindings(
    "codex-hooks: the session's changes do not pass the repository's checks (.github/codex-hooks.yml) yet. Fix these, then finish:",
    blocking
  );
  return { answer: { kind: "block", reason }, result, content };
}

// src/codex-session/events/user-prompt-submit.ts
var PROMPT_NAME = "<prompt>";
async function handleUserPromptSubmit(event, ctx) {
  const result = await checkFiles([textAsFile(PROMPT_NAME, event.prompt)], onText, ctx);
  const blocking = blockingFindings(result.findings, ctx.failOn);
  const answer = blocking.length > 0 ? {
    kind: "block",
    reason: describeFindings(
      "codex-hooks blocked this prompt before it reached the model. Edit the prompt and send it again:",
      blocking
    )
  } : { kind: "allow" };
  return { answer, result, content: event.prompt };
}

// src/codex-session/policy.ts
var TOOL_MATCHER = "Bash|apply_patch";
var CODEX_EVENT_SETUP = {
  SessionStart: { onFailure: "open", timeoutSeconds: 30, deadlineSeconds: 25 },
  UserPromptSubmit: { onFailure: "closed", timeoutSeconds: 30, deadlineSeconds: 25 },
  PreToolUse: { onFailure: "closed", timeoutSeconds: 30, deadlineSeconds: 25, matcher: TOOL_MATCHER },
  PostToolUse: { onFailure: "open", timeoutSeconds: 30, deadlineSeconds: 25, matcher: TOOL_MATCHER },
  // Linters run here: a longer budget.
  Stop: { onFailure: "open", timeoutSeconds: 300, deadlineSeconds: 280 }
};
function defaultFailurePolicy() {
  const entries = Object.entries(CODEX_EVENT_SETUP).map(([name, setup]) => [name, setup.onFailure]);
  return Object.fromEntries(entries);
}

// src/codex-session/handle-event.ts
var HookDeadlineError = class extends Error {
  name = "HookDeadlineError";
  kind = "timeout";
};
async function answerCodexHook(stdin, settings, deps) {
  const started = deps.now();
  let event;
  let loaded;
  const audit = (answer, rest) => loaded && {
    root: loaded.root,
    config: loaded.config,
    record: createSessionAuditRecord({
      ...event ? { event } : {},
      ...!event && sniffEventName(stdin) ? { eventName: sniffEventName(stdin) } : {},
      answer,
      ...rest.result ? { result: rest.result } : {},
      ...rest.content !== void 0 ? { content: rest.content } : {},
      ...rest.failure ? { failure: rest.failure } : {},
      timestamp: started.toISOString(),
      durationMs: deps.now().getTime() - started.getTime()
    })
  };
  try {
    if (settings instanceof ConfigurationError) throw settings;
    event = parseCodexEvent(stdin);
    const root = deps.findRoot(event.cwd);
    const { config } = await deps.loadConfig(root, settings.configPath);
    loaded = { config, root };
    const ctx = { config, failOn: settings.failOn, root, ports: deps.createPorts(root) };
    const deadline = CODEX_EVENT_SETUP[event.name].deadlineSeconds * 1e3;
    const outcome = await withDeadline(dispatch(event, ctx), deadline);
    const rendered = renderAnswer(outcome.answer, event.name);
    const record = audit(outcome.answer, outcome);
    return { rendered, ...record ? { audit: record } : {} };
  } catch (error) {
    const name = event?.name ?? (error instanceof CodexEventError ? error.event : void 0) ?? sniffEventName(stdin);
    const policy = settings instanceof ConfigurationError ? defaultFailurePolicy() : settings.failurePolicy;
    const mode = name !== void 0 ? policy[name] : "closed";
    const failure = describeFailure(error, mode);
    const answer = failureAnswer(failure, name);
    const rendered = renderAnswer(answer, name);
    const record = audit(answer, { failure });
    const told = mode === "open" ? { ...rendered, stderr: `codex-hooks: ${failure.message} (fails open)
` } : rendered;
    return { rendered: told, ...record ? { audit: record } : {} };
  }
}
function dispatch(event, ctx) {
  switch (event.name) {
    case "SessionStart":
      return handleSessionStart(event, ctx);
    case "UserPromptSubmit":
      return handleUserPromptSubmit(event, ctx);
    case "PreToolUse":
      return handlePreToolUse(event, ctx);
    case "PostToolUse":
      return handlePostToolUse(event, ctx);
    case "Stop":
      return handleStop(event, ctx);
  }
}
async function withDeadline(work, ms) {
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new HookDeadlineError(`no answer within its deadline of ${ms / 1e3}s`)), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
function describeFailure(error, mode) {
  const kind = error instanceof CodexEventError || error instanceof HookDeadlineError ? error.kind : error instanceof ConfigurationError ? "config" : "internal";
  const message = redactText(error instanceof Error ? error.message : String(error), []);
  return { kind, message, mode };
}
function failureAnswer(failure, name) {
  if (failure.mode === "open") return { kind: "allow" };
  const reason = `codex-hooks could not check this ${name ?? "event"} and fails closed (${failure.kind}: ${failure.message}). Fix the cause (docs/codex-hooks.md), or let it pass on failure with --fail-open ${name ?? "all"}.`;
  return name === "PreToolUse" ? { kind: "deny", reason } : { kind: "block", reason };
}

// src/codex-session/repository-root.ts
var import_node_fs4 = require("node:fs");
var import_node_path7 = __toESM(require("node:path"), 1);
function findRepositoryRoot(cwd) {
  for (let dir = import_node_path7.default.resolve(cwd); ; ) {
    if ((0, import_node_fs4.existsSync)(import_node_path7.default.join(dir, ".git"))) return dir;
    const parent = import_node_path7.default.dirname(dir);
    if (parent === dir) return import_node_path7.default.resolve(cwd);
    dir = parent;
  }
}

// src/codex-session/settings.ts
var import_node_util = require("node:util");
var DEFAULT_CONFIG_PATH = ".github/codex-hooks.yml";
var FAIL_ON = ["error", "warning", "notice", "never"];
function parseCodexHookSettings(argv, env, home) {
  let values;
  try {
    ({ values } = (0, import_node_util.parseArgs)({
      args: [...argv],
      options: {
        config: { type: "string" },
        "fail-on": { type: "string" },
        "fail-open": { type: "string" },
        "fail-closed": { type: "string" }
      },
      strict: true,
      allowPositionals: false
    }));
  } catch (error) {
    throw new ConfigurationError(`codex-hook: ${error.message}`);
  }
  const failOn = values["fail-on"] ?? "error";
  if (!FAIL_ON.includes(failOn))
    throw new ConfigurationError(`--fail-on must be one of ${FAIL_ON.join(", ")}; got '${failOn}'`);
  const policy = { ...defaultFailurePolicy() };
  for (const [flag, mode] of [
    ["fail-open", "open"],
    ["fail-closed", "closed"]
  ]) {
    for (const name of eventList(values[flag], flag)) policy[name] = mode;
  }
  return Object.freeze({
    configPath: values.config ?? DEFAULT_CONFIG_PATH,
    failOn,
    failurePolicy: Object.freeze(policy),
    cacheDir: defaultCacheDir(env, home)
  });
}
function eventList(value, flag) {
  if (value === void 0) return [];
  const names = value.split(",").map((s) => s.trim()).filter((s) => s !== "");
  if (names.length === 1 && names[0] === "all") return [...CODEX_EVENTS];
  for (const n of names) {
    if (!CODEX_EVENTS.includes(n))
      throw new ConfigurationError(`--${flag} takes Codex events (${CODEX_EVENTS.join(", ")}) or 'all'; got '${n}'`);
  }
  return names;
}

// src/codex-session/hook-command.ts
async function runCodexHook(argv, io) {
  let settings;
  try {
    settings = parseCodexHookSettings(argv, io.env, import_node_os.default.homedir());
  } catch (error) {
    settings = error instanceof ConfigurationError ? error : new ConfigurationError(String(error));
  }
  const cacheDir = settings instanceof ConfigurationError ? import_node_os.default.tmpdir() : settings.cacheDir;
  const run2 = await answerCodexHook(io.stdin, settings, {
    findRoot: findRepositoryRoot,
    loadConfig: (root, configPath) => loadSessionConfig(root, configPath, cacheDir),
    createPorts: (root) => createSessionPorts(root, cacheDir, io.env),
    now: () => /* @__PURE__ */ new Date()
  });
  if (run2.audit) {
    try {
      await writeAuditRecord(run2.audit.config, run2.audit.root, run2.audit.record, io.env);
    } catch (error) {
      io.stderr.write(`codex-hooks: the audit log could not be written: ${error.message}
`);
    }
  }
  io.stdout.write(run2.rendered.stdout);
  io.stderr.write(run2.rendered.stderr);
  return run2.rendered.exitCode;
}
function createSessionPorts(root, cacheDir, env) {
  const logger = createRecordingLogger();
  const changes = createSessionChanges(root, cacheDir, runCommand);
  return {
    runCommand,
    readRepositoryFile: async (file) => {
      const full = resolveInWorkspace(root, file);
      return full === void 0 ? void 0 : (0, import_promises2.readFile)(full, "utf8").catch(() => void 0);
    },
    logger: env.CODEX_HOOKS_DEBUG ? stderrLogger() : logger,
    now: () => /* @__PURE__ */ new Date(),
    recordSessionStart: changes.recordSessionStart,
    sessionChanges: changes.sessionChanges
  };
}
function stderrLogger() {
  const line = (level) => (m) => void process.stderr.write(`codex-hooks ${level}: ${m}
`);
  return {
    debug: line("debug"),
    info: line("info"),
    notice: line("notice"),
    warning: line("warning"),
    error: line("error")
  };
}
async function writeAuditRecord(config, root, record, env) {
  const outputs = /* @__PURE__ */ new Map();
  for (const l of [...collectLoggers(config, "conversation.updated"), ...collectLoggers(config, "hook.executed")])
    if (!outputs.has(l.output)) outputs.set(l.output, l);
  for (const logger of outputs.values()) {
    const file = resolveInWorkspace(root, logger.output);
    if (file === void 0) throw new ConfigurationError(`logger output '${logger.output}' is outside the repository`);
    const line = includesMetadata(logger) ? record : withoutMetadata(record);
    await appendAuditRecords(auditLogOptionsFor(logger, file, env), [line]);
  }
}

// src/codex-session/main.ts
async function run() {
  const out = syncWriter(1, process.stdout);
  const err = syncWriter(2, process.stderr);
  const code = await runCodexHook(process.argv.slice(2), {
    stdin: readStdinSync() ?? await readStdinStream(),
    stdout: out,
    stderr: err,
    env: process.env
  });
  process.exitCode = code;
  await Promise.all([out.flushed(), err.flushed()]);
  process.exit(code);
}
function readStdinSync() {
  try {
    return (0, import_node_fs5.readFileSync)(0, "utf8");
  } catch {
    return void 0;
  }
}
async function readStdinStream() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}
function syncWriter(fd, stream) {
  let pending = Promise.resolve();
  let viaStream = false;
  return {
    write(text) {
      if (text === "") return;
      let rest = Buffer.from(text, "utf8");
      while (!viaStream && rest.length > 0) {
        try {
          rest = rest.subarray((0, import_node_fs5.writeSync)(fd, rest));
        } catch {
          viaStream = true;
        }
      }
      if (rest.length > 0) pending = new Promise((resolve) => stream.write(rest, () => resolve()));
    },
    flushed: () => pending
  };
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  run
});
