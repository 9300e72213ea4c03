#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 8455:
/***/ ((module) => {

// regjsparser
//
// ==================================================================
//
// See ECMA-262 Standard: https://tc39.es/ecma262/#sec-patterns
//
// The grammar below follows the standard. For brevity, the grammar parameters
// that are only passed through ([?UnicodeMode], [?UnicodeSetsMode] and
// [?NamedCaptureGroups]) are omitted; the parameters that guard an
// alternative ([+UnicodeMode], [~UnicodeSetsMode], ...) or that are set
// explicitly are kept.
//
// NOTE: Without the u and v flags, the parser also accepts the extended
//   grammar of Annex B, see
//   https://tc39.es/ecma262/#sec-regular-expressions-patterns
//   e.g. quantified lookaheads (https://github.com/jviereck/regjsparser/issues/130).
//
// Pattern ::
//      Disjunction
//
// Disjunction ::
//      Alternative
//      Alternative | Disjunction
//
// Alternative ::
//      [empty]
//      Alternative Term
//
// Term ::
//      Assertion
//      Atom
//      Atom Quantifier
//
// Assertion ::
//      ^
//      $
//      \b
//      \B
//      (?= Disjunction )
//      (?! Disjunction )
//      (?<= Disjunction )
//      (?<! Disjunction )
//
// Quantifier ::
//      QuantifierPrefix
//      QuantifierPrefix ?
//
// QuantifierPrefix ::
//      *
//      +
//      ?
//      { DecimalDigits[~Sep] }
//      { DecimalDigits[~Sep] ,}
//      { DecimalDigits[~Sep] , DecimalDigits[~Sep] }
//
// Atom ::
//      PatternCharacter
//      .
//      \ AtomEscape
//      CharacterClass
//      ( GroupSpecifier? Disjunction )
//      (? RegularExpressionModifiers : Disjunction )
//      (? RegularExpressionModifiers - RegularExpressionModifiers : Disjunction )
//
// RegularExpressionModifiers ::
//      [empty]
//      RegularExpressionModifiers RegularExpressionModifier
//
// RegularExpressionModifier :: one of
//      i m s
//
// SyntaxCharacter :: one of
//      ^ $ \ . * + ? ( ) [ ] { } |
//
// PatternCharacter ::
//      SourceCharacter but not SyntaxCharacter
//
// AtomEscape ::
//      DecimalEscape
//      CharacterClassEscape
//      CharacterEscape
//      [+NamedCaptureGroups] k GroupName
//
// CharacterEscape ::
//      ControlEscape
//      c AsciiLetter
//      0 [lookahead ∉ DecimalDigit]
//      HexEscapeSequence
//      RegExpUnicodeEscapeSequence
//      IdentityEscape
//
// ControlEscape :: one of
//      f n r t v
//
// GroupSpecifier ::
//      ? GroupName
//
// GroupName ::
//      < RegExpIdentifierName >
//
// RegExpIdentifierName ::
//      RegExpIdentifierStart
//      RegExpIdentifierName RegExpIdentifierPart
//
// RegExpIdentifierStart ::
//      IdentifierStartChar
//      \ RegExpUnicodeEscapeSequence[+UnicodeMode]
//      [~UnicodeMode] UnicodeLeadSurrogate UnicodeTrailSurrogate
//
// RegExpIdentifierPart ::
//      IdentifierPartChar
//      \ RegExpUnicodeEscapeSequence[+UnicodeMode]
//      [~UnicodeMode] UnicodeLeadSurrogate UnicodeTrailSurrogate
//
// RegExpUnicodeEscapeSequence ::
//      [+UnicodeMode] u HexLeadSurrogate \u HexTrailSurrogate
//      [+UnicodeMode] u HexLeadSurrogate
//      [+UnicodeMode] u HexTrailSurrogate
//      [+UnicodeMode] u HexNonSurrogate
//      [~UnicodeMode] u Hex4Digits
//      [+UnicodeMode] u{ CodePoint }
//
// UnicodeLeadSurrogate ::
//      any Unicode code point in the inclusive interval from U+D800 to U+DBFF
//
// UnicodeTrailSurrogate ::
//      any Unicode code point in the inclusive interval from U+DC00 to U+DFFF
//
// HexLeadSurrogate ::
//      Hex4Digits but only if the MV of Hex4Digits is in the inclusive interval from 0xD800 to 0xDBFF
//
// HexTrailSurrogate ::
//      Hex4Digits but only if the MV of Hex4Digits is in the inclusive interval from 0xDC00 to 0xDFFF
//
// HexNonSurrogate ::
//      Hex4Digits but only if the MV of Hex4Digits is not in the inclusive interval from 0xD800 to 0xDFFF
//
// IdentityEscape ::
//      [+UnicodeMode] SyntaxCharacter
//      [+UnicodeMode] /
//      [~UnicodeMode] SourceCharacter but not UnicodeIDContinue
//
// DecimalEscape ::
//      NonZeroDigit DecimalDigits[~Sep]? [lookahead ∉ DecimalDigit]
//
// CharacterClassEscape ::
//      d
//      D
//      s
//      S
//      w
//      W
//      [+UnicodeMode] p{ UnicodePropertyValueExpression }
//      [+UnicodeMode] P{ UnicodePropertyValueExpression }
//
// UnicodePropertyValueExpression ::
//      UnicodePropertyName = UnicodePropertyValue
//      LoneUnicodePropertyNameOrValue
//
// UnicodePropertyName ::
//      UnicodePropertyNameCharacters
//
// UnicodePropertyNameCharacters ::
//      UnicodePropertyNameCharacter UnicodePropertyNameCharacters?
//
// UnicodePropertyValue ::
//      UnicodePropertyValueCharacters
//
// LoneUnicodePropertyNameOrValue ::
//      UnicodePropertyValueCharacters
//
// UnicodePropertyValueCharacters ::
//      UnicodePropertyValueCharacter UnicodePropertyValueCharacters?
//
// UnicodePropertyValueCharacter ::
//      UnicodePropertyNameCharacter
//      DecimalDigit
//
// UnicodePropertyNameCharacter ::
//      AsciiLetter
//      _
//
// CharacterClass ::
//      [ [lookahead ≠ ^] ClassContents ]
//      [^ ClassContents ]
//
// ClassContents ::
//      [empty]
//      [~UnicodeSetsMode] NonemptyClassRanges
//      [+UnicodeSetsMode] ClassSetExpression
//
// NonemptyClassRanges ::
//      ClassAtom
//      ClassAtom NonemptyClassRangesNoDash
//      ClassAtom - ClassAtom ClassContents[~UnicodeSetsMode]
//
// NonemptyClassRangesNoDash ::
//      ClassAtom
//      ClassAtomNoDash NonemptyClassRangesNoDash
//      ClassAtomNoDash - ClassAtom ClassContents[~UnicodeSetsMode]
//
// ClassAtom ::
//      -
//      ClassAtomNoDash
//
// ClassAtomNoDash ::
//      SourceCharacter but not one of \ or ] or -
//      \ ClassEscape
//
// ClassEscape ::
//      b
//      [+UnicodeMode] -
//      CharacterClassEscape
//      CharacterEscape
//
// ClassSetExpression ::
//      ClassUnion
//      ClassIntersection
//      ClassSubtraction
//
// ClassUnion ::
//      ClassSetRange ClassUnion?
//      ClassSetOperand ClassUnion?
//
// ClassIntersection ::
//      ClassSetOperand && [lookahead ≠ &] ClassSetOperand
//      ClassIntersection && [lookahead ≠ &] ClassSetOperand
//
// ClassSubtraction ::
//      ClassSetOperand -- ClassSetOperand
//      ClassSubtraction -- ClassSetOperand
//
// ClassSetRange ::
//      ClassSetCharacter - ClassSetCharacter
//
// ClassSetOperand ::
//      NestedClass
//      ClassStringDisjunction
//      ClassSetCharacter
//
// NestedClass ::
//      [ [lookahead ≠ ^] ClassContents[+UnicodeMode, +UnicodeSetsMode] ]
//      [^ ClassContents[+UnicodeMode, +UnicodeSetsMode] ]
//      \ CharacterClassEscape[+UnicodeMode]
//
// ClassStringDisjunction ::
//      \q{ ClassStringDisjunctionContents }
//
// ClassStringDisjunctionContents ::
//      ClassString
//      ClassString | ClassStringDisjunctionContents
//
// ClassString ::
//      [empty]
//      NonEmptyClassString
//
// NonEmptyClassString ::
//      ClassSetCharacter NonEmptyClassString?
//
// ClassSetCharacter ::
//      [lookahead ∉ ClassSetReservedDoublePunctuator] SourceCharacter but not ClassSetSyntaxCharacter
//      \ CharacterEscape[+UnicodeMode]
//      \ ClassSetReservedPunctuator
//      \b
//
// ClassSetReservedDoublePunctuator :: one of
//      && !! ## $$ %% ** ++ ,, .. :: ;; << == >> ?? @@ ^^ `` ~~
//
// ClassSetSyntaxCharacter :: one of
//      ( ) [ ] { } / - \ |
//
// ClassSetReservedPunctuator :: one of
//      & - ! # % , : ; < = > @ ` ~
//
// --------------------------------------------------------------
// NOTE: The following productions refer to the
//       "Regular Expression Buffer Boundaries for ECMAScript" proposal.
//       https://github.com/tc39/proposal-regexp-buffer-boundaries
// --------------------------------------------------------------
// Assertion ::
//      [+UnicodeMode] \A
//      [+UnicodeMode] \z
//      [+UnicodeMode] \Z


(function() {

  var fromCodePoint = String.fromCodePoint || (function() {
    // Implementation taken from
    // https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/String/fromCodePoint

    var stringFromCharCode = String.fromCharCode;
    var floor = Math.floor;

    return function fromCodePoint() {
      var MAX_SIZE = 0x4000;
      var codeUnits = [];
      var highSurrogate;
      var lowSurrogate;
      var index = -1;
      var length = arguments.length;
      if (!length) {
        return '';
      }
      var result = '';
      while (++index < length) {
        var codePoint = Number(arguments[index]);
        if (
          !isFinite(codePoint) ||       // `NaN`, `+Infinity`, or `-Infinity`
          codePoint < 0 ||              // not a valid Unicode code point
          codePoint > 0x10FFFF ||       // not a valid Unicode code point
          floor(codePoint) != codePoint // not an integer
        ) {
          throw RangeError('Invalid code point: ' + codePoint);
        }
        if (codePoint <= 0xFFFF) { // BMP code point
          codeUnits.push(codePoint);
        } else { // Astral code point; split in surrogate halves
          // http://mathiasbynens.be/notes/javascript-encoding#surrogate-formulae
          codePoint -= 0x10000;
          highSurrogate = (codePoint >> 10) + 0xD800;
          lowSurrogate = (codePoint % 0x400) + 0xDC00;
          codeUnits.push(highSurrogate, lowSurrogate);
        }
        if (index + 1 == length || codeUnits.length > MAX_SIZE) {
          result += stringFromCharCode.apply(null, codeUnits);
          codeUnits.length = 0;
        }
      }
      return result;
    };
  }());

  // The parser state. It lives at module scope, so that the parsing functions
  // below are created once instead of on every call to parse().
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
  // The declared group names in source order, and whether a name is visible
  // at the current position. See declareGroupName().
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
      type: 'anchor',
      kind: kind,
      range: [
        pos - rawLength,
        pos
      ],
      raw: str.substring(pos - rawLength, pos)
    };
  }

  function createValue(kind, codePoint, from, to) {
    return {
      type: 'value',
      kind: kind,
      codePoint: codePoint,
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
      if (_char.length === 1 && first >= 0xD800 && first <= 0xDBFF) {
        var nextChar = lookahead();
        // A lead surrogate at the end of the input has no trail surrogate
        // to pair with, e.g. in an unterminated class like `[\uD800`.
        if (nextChar !== undefined) {
          second = nextChar.charCodeAt(0);
          if (second >= 0xDC00 && second <= 0xDFFF) {
            // Unicode surrogate pair
            pos++;
            return createValue(
              'symbol',
              (first - 0xD800) * 0x400 + second - 0xDC00 + 0x10000,
              pos - 2, pos);
          }
        }
      }
    }
    return createValue('symbol', first, pos - 1, pos);
  }

  function createDisjunction(alternatives, from, to) {
    return {
      type: 'disjunction',
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
      type: 'dot',
      range: [
        pos - 1,
        pos
      ],
      raw: '.'
    };
  }

  function createCharacterClassEscape(value) {
    return {
      type: 'characterClassEscape',
      value: value,
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
      type: 'reference',
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
      type: 'reference',
      name: name,
      range: [
        start,
        pos
      ],
      raw: str.substring(start, pos)
    };
  }

  function createGroup(behavior, disjunction, from, to) {
    return {
      type: 'group',
      behavior: behavior,
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
      type: 'quantifier',
      min: min,
      max: max,
      greedy: true,
      body: null, // set later on
      symbol: symbol,
      range: [
        from,
        to
      ],
      raw: str.substring(from, to)
    };
  }

  function createAlternative(terms, from, to) {
    return {
      type: 'alternative',
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
      type: 'characterClass',
      kind: contents.kind,
      body: contents.body,
      negative: negative,
      range: [
        from,
        to
      ],
      raw: str.substring(from, to)
    };
  }

  function createClassRange(min, max, from, to) {
    // NonemptyClassRanges :: ClassAtom - ClassAtom ClassContents
    // It is a Syntax Error if the CharacterValue of the first ClassAtom is
    // strictly greater than the CharacterValue of the second ClassAtom.
    //
    // SEE: https://tc39.es/ecma262/#sec-patterns-static-semantics-early-errors
    if (min.codePoint > max.codePoint) {
      bail('invalid range in character class', min.raw + '-' + max.raw, from, to);
    }

    return {
      type: 'characterClassRange',
      min: min,
      max: max,
      range: [
        from,
        to
      ],
      raw: str.substring(from, to)
    };
  }

  function createClassStrings(strings, from, to) {
    return {
      type: 'classStrings',
      strings: strings,
      range: [from, to],
      raw: str.substring(from, to)
    };
  }

  function createClassString(characters, from, to) {
    return {
      type: 'classString',
      characters: characters,
      range: [from, to],
      raw: str.substring(from, to)
    };
  }

  function flattenBody(body) {
    if (body.type === 'alternative') {
      return body.body;
    } else {
      return [body];
    }
  }

  function incr(amount) {
    amount = (amount || 1);
    pos += amount;
  }

  function consume(amount) {
    var res = str.substring(pos, pos += amount);
    return res;
  }

  function skip(value) {
    if (!match(value)) {
      bail('character', value);
    }
  }

  function match(value) {
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
    // Disjunction ::
    //      Alternative
    //      Alternative | Disjunction
    var res = [], from = pos, i;
    // Indexes into groupNames of the names declared in this disjunction and
    // in the current alternative. See declareGroupName().
    var disjunctionStart = groupNames.length;
    var alternativeStart = disjunctionStart;
    res.push(parseAlternative());

    while (matchOne('|')) {
      // Groups in different alternatives can't both participate, so the
      // names of the previous alternative are not visible in the next one.
      for (i = alternativeStart; i < groupNames.length; i++) {
        visibleGroupNames[groupNames[i]] = false;
      }
      alternativeStart = groupNames.length;
      res.push(parseAlternative());
    }

    // After the disjunction, the names of all its alternatives are visible.
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

    // Alternative ::
    //      [empty]
    //      Alternative Term
    while (term = parseTerm()) {
      res.push(term);
    }

    if (res.length === 1) {
      return res[0];
    }

    return createAlternative(res, from, pos);
  }

  function parseTerm() {
    // Term ::
    //      Assertion
    //      Atom
    //      Atom Quantifier

    // Term (Annex B) ::
    //      ...
    //      [~UnicodeMode] QuantifiableAssertion Quantifier
    //      [~UnicodeMode] Assertion[~UnicodeMode, ~UnicodeSetsMode]
    //      [~UnicodeMode] ExtendedAtom Quantifier
    //      [~UnicodeMode] ExtendedAtom
    //
    // QuantifiableAssertion (Annex B) ::
    //      (?= Disjunction[~UnicodeMode, ~UnicodeSetsMode] )
    //      (?! Disjunction[~UnicodeMode, ~UnicodeSetsMode] )
    //
    // SEE: https://github.com/jviereck/regjsparser/issues/130

    if (pos >= str.length || currentOne('|') || currentOne(')')) {
      return null; /* Means: The term is empty */
    }

    var assertion = parseAssertion();
    var quantifier;
    if (assertion) {
      var pos_backup = pos;
      quantifier = parseQuantifier() || false;
      if (quantifier) {
        // Annex B
        if (!isUnicodeMode && assertion.type === "group") {
          quantifier.body = flattenBody(assertion);
          // The quantifier contains the assertion. Therefore, the beginning of the
          // quantifier range is given by the beginning of the assertion.
          updateRawStart(quantifier, assertion.range[0]);
          return quantifier;
        }
        pos = pos_backup;
        bail("Expected atom");
      }
      return assertion;
    }

    // If there is no Assertion, try to parse an atom.
    var atom = parseAtomAndExtendedAtom();
    if (!atom) {
      // Check if a quantifier is following. A quantifier without an atom
      // is an error.
      pos_backup = pos;
      quantifier = parseQuantifier() || false;
      if (quantifier) {
        pos = pos_backup;
        bail("Expected atom");
      }

      // If no unicode flag, then try to parse ExtendedAtom -> ExtendedPatternCharacter.
      //      ExtendedPatternCharacter
      if (!isUnicodeMode && matchOne("{")) {
        atom = createCharacter("{");
      } else {
        bail("Expected atom");
      }
    }

    quantifier = parseQuantifier() || false;
    if (quantifier) {
      var type = atom.type, behavior = atom.behavior;
      if (
        type === "group" &&
        (behavior === "negativeLookbehind" ||
          behavior === "lookbehind")
      ) {
        bail(
          "Invalid quantifier",
          "",
          quantifier.range[0],
          quantifier.range[1]
        );
      }
      quantifier.body = flattenBody(atom);
      // The quantifier contains the atom. Therefore, the beginning of the
      // quantifier range is given by the beginning of the atom.
      updateRawStart(quantifier, atom.range[0]);
      return quantifier;
    }
    return atom;
  }

  function parseGroup(matchA, typeA, matchB, typeB) {
    var type, from = pos;

    if (match(matchA)) {
      type = typeA;
    } else if (match(matchB)) {
      type = typeB;
    } else {
      return false;
    }

    return finishGroup(type, from);
  }

  function finishGroup(type, from) {
    var body = parseDisjunction();
    if (!body) {
      bail('Expected disjunction');
    }
    skip(')');
    var group = createGroup(type, flattenBody(body), from, pos);

    if (type == 'normal') {
      // Keep track of the number of closed groups. This is required for
      // parseDecimalEscape(). In case the string is parsed a second time the
      // value already holds the total count and no incrementation is required.
      if (firstIteration) {
        closedCaptureCounter++;
      }
    }
    return group;
  }

  // NOTE: parseAssertion() parses ^ $ \b \B and lookaheads; lookbehinds are
  //   parsed together with the atoms. In the AST, ^ $ \b and \B are "anchor"
  //   nodes, and lookarounds are "group" nodes.
  function parseAssertion() {
    // Assertion ::
    //      ^
    //      $
    //      \b
    //      \B
    //      (?= Disjunction )
    //      (?! Disjunction )
    //      [+UnicodeMode] \A
    //      [+UnicodeMode] \z
    //      [+UnicodeMode] \Z
    //      ...
    //
    // (?<= Disjunction ) and (?<! Disjunction ) are parsed in
    // parseAtomAndExtendedAtom().

    switch(lookahead()) {
      case '^':
        incr();
        return createAnchor('start', 1 /* rawLength */);
      case '$':
        incr();
        return createAnchor('end', 1 /* rawLength */);
      case '\\': {
        if (next('b')) {
          incr(2);
          return createAnchor('boundary', 2 /* rawLength */);
        } else if (next('B')) {
          incr(2);
          return createAnchor('not-boundary', 2 /* rawLength */);
        } else if (isUnicodeMode && features.bufferBoundaries) {
          if (next('A')) {
            incr(2);
            return createAnchor('start-buffer', 2 /* rawLength */);
          } else if (next('z')) {
            incr(2);
            return createAnchor('end-buffer', 2 /* rawLength */);
          } else if (next('Z')) {
            incr(2);
            return createAnchor('end-buffer-optional-newline', 2 /* rawLength */);
          }
        }
        break;
      }
      case '(':
        return parseGroup('(?=', 'lookahead', '(?!', 'negativeLookahead');
      default:
        return;
    }
  }

  function parseQuantifier() {
    // Quantifier ::
    //      QuantifierPrefix
    //      QuantifierPrefix ?
    //
    // QuantifierPrefix ::
    //      *
    //      +
    //      ?
    //      { DecimalDigits[~Sep] }
    //      { DecimalDigits[~Sep] ,}
    //      { DecimalDigits[~Sep] , DecimalDigits[~Sep] }

    var res, from = pos;
    var quantifier;
    var min, max;

    switch(lookahead()) {
      case '*':
        incr();
        quantifier = createQuantifier(0, undefined, undefined, undefined, '*');
        break;
      case '+':
        incr();
        quantifier = createQuantifier(1, undefined, undefined, undefined, "+");
        break;
      case '?':
        incr();
        quantifier = createQuantifier(0, 1, undefined, undefined, "?");
        break;
      case '{': {
        if (res = matchReg(/^\{(\d+)\}/)) {
          min = parseInt(res[1], 10);
          quantifier = createQuantifier(min, min, from, pos);
        }
        else if (res = matchReg(/^\{(\d+),\}/)) {
          min = parseInt(res[1], 10);
          quantifier = createQuantifier(min, undefined, from, pos);
        }
        else if (res = matchReg(/^\{(\d+),(\d+)\}/)) {
          min = parseInt(res[1], 10);
          max = parseInt(res[2], 10);
          if (min > max) {
            bail('numbers out of order in {} quantifier', '', from, pos);
          }
          quantifier = createQuantifier(min, max, from, pos);
        }

        if (min && (!Number.isSafeInteger(min)) || (max && !Number.isSafeInteger(max))) {
          bail("iterations outside JS safe integer range in quantifier", "", from, pos);
        }
      }
    }

    if (quantifier) {
      if (matchOne('?')) {
        quantifier.greedy = false;
        quantifier.range[1] += 1;
      }
    }

    return quantifier;
  }

  function parseAtomAndExtendedAtom() {
    // Parsing Atom and ExtendedAtom together due to redundancy.
    // ExtendedAtom is defined in Annex B of the ECMA-262 standard.
    //
    // SEE: https://tc39.es/ecma262/#sec-regular-expressions-patterns
    //
    // Atom ::
    //      PatternCharacter
    //      .
    //      \ AtomEscape
    //      CharacterClass
    //      ( GroupSpecifier? Disjunction )
    //      (? RegularExpressionModifiers : Disjunction )
    //      (? RegularExpressionModifiers - RegularExpressionModifiers : Disjunction )
    //
    // ExtendedAtom (Annex B) ::
    //      .
    //      \ AtomEscape[~UnicodeMode]
    //      \ [lookahead = c]
    //      CharacterClass[~UnicodeMode, ~UnicodeSetsMode]
    //      ( GroupSpecifier[~UnicodeMode]? Disjunction[~UnicodeMode, ~UnicodeSetsMode] )
    //      (? RegularExpressionModifiers : Disjunction[~UnicodeMode, ~UnicodeSetsMode] )
    //      (? RegularExpressionModifiers - RegularExpressionModifiers : Disjunction[~UnicodeMode, ~UnicodeSetsMode] )
    //      InvalidBracedQuantifier
    //      ExtendedPatternCharacter
    //
    // ExtendedPatternCharacter (Annex B) ::
    //      SourceCharacter but not one of ^ $ \ . * + ? ( ) [ |

    var res;

    switch (res = lookahead()) {
      case '.':
        //      .
        incr();
        return createDot();
      case '\\': {
        //      \ AtomEscape
        incr();
        res = parseAtomEscape();
        if (!res) {
          if (!isUnicodeMode && lookahead() == 'c') {
            // B.1.4 ExtendedAtom
            // \[lookahead = c]
            return createValue('symbol', 92, pos - 1, pos);
          }
          bail('atomEscape');
        }
        return res;
      }
      case '[':
        return parseCharacterClass();
      case '(': {
        if (features.lookbehind && (res = parseGroup('(?<=', 'lookbehind', '(?<!', 'negativeLookbehind'))) {
          return res;
        }
        else if (features.namedGroups && match("(?<")) {
          var name = parseIdentifier();
          skip(">");
          declareGroupName(name);
          var group = finishGroup("normal", name.range[0] - 3);
          group.name = name;
          return group;
        }
        else if (features.modifiers && current("(?") && str[pos + 2] != ":") {
          return parseModifiersGroup();
        }
        else {
          //      ( Disjunction )
          //      (?: Disjunction )
          return parseGroup('(?:', 'ignore', '(', 'normal');
        }
      }
      case ']':
      case '}':
        //      ExtendedPatternCharacter, first part. See parseTerm.
        if (!isUnicodeMode) {
          incr();
          return createCharacter(res);
        }
        break;
      case '^':
      case '$':
      case '*':
      case '+':
      case '?':
      case '{':
      case ')':
      case '|':
        break;
      default:
        //      PatternCharacter
        incr();
        return createCharacter(res);
    }
  }

  function parseModifiersGroup() {
    function hasDupChar(str) {
      var i = 0;
      while (i < str.length) {
        if (str.indexOf(str[i], i + 1) != -1) {
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
    if(matchOne("-") && lookahead() !== ":"){
      disablingFlags = matchReg(/^[sim]+/);
      if (!disablingFlags) {
        bail('Invalid flags for modifiers group');
      }
    } else if(!enablingFlags){
      bail('Invalid flags for modifiers group');
    }

    enablingFlags = enablingFlags ? enablingFlags[0] : "";
    disablingFlags = disablingFlags ? disablingFlags[0] : "";

    var flags = enablingFlags + disablingFlags;
    if(flags.length > 3 || hasDupChar(flags)) {
      bail('flags cannot be duplicated for modifiers group');
    }

    if(!matchOne(":")) {
      bail('Invalid flags for modifiers group');
    }

    var modifiersGroup = finishGroup("ignore", from);

    modifiersGroup.modifierFlags = {
      enabling: enablingFlags,
      disabling: disablingFlags
    };

    return modifiersGroup;
  }

  function parseUnicodeSurrogatePairEscape(firstEscape, isUnicodeMode) {
    if (isUnicodeMode) {
      var first, second;
      if (firstEscape.kind == 'unicodeEscape' &&
        (first = firstEscape.codePoint) >= 0xD800 && first <= 0xDBFF &&
        currentOne('\\') && next('u') ) {
        var prevPos = pos;
        pos++;
        var secondEscape = parseClassEscape();
        if (secondEscape && secondEscape.kind == 'unicodeEscape' &&
          (second = secondEscape.codePoint) >= 0xDC00 && second <= 0xDFFF) {
          // Unicode surrogate pair
          firstEscape.kind = 'unicodeCodePointEscape';
          firstEscape.codePoint = (first - 0xD800) * 0x400 + second - 0xDC00 + 0x10000;
          firstEscape.range[1] = pos;
          firstEscape.raw = str.substring(firstEscape.range[0], pos)
        }
        else {
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
    // AtomEscape ::
    //      DecimalEscape
    //      CharacterClassEscape
    //      CharacterEscape
    //      [+NamedCaptureGroups] k GroupName
    //
    // ClassEscape ::
    //      b
    //      [+UnicodeMode] -
    //      [~UnicodeMode] c ClassControlLetter (Annex B)
    //      CharacterClassEscape
    //      CharacterEscape

    var res, from = pos, ch;

    switch (ch = lookahead()) {
      case '0':
      case '1':
      case '2':
      case '3':
      case '4':
      case '5':
      case '6':
      case '7':
      case '8':
      case '9':
        return parseDecimalEscape(insideCharacterClass);
      case 'B': {
        // IdentityEscape (Annex B) ::
        //      [~UnicodeMode] SourceCharacterIdentityEscape
        // SourceCharacterIdentityEscape (Annex B) :: B
        if (insideCharacterClass && isUnicodeMode) {
          bail('\\B not possible inside of CharacterClass', '', from);
        }
        return parseIdentityEscape();
      }
      case 'b': {
        if (insideCharacterClass) {
          // ClassEscape :: b
          // The CharSet containing the one character U+0008 (BACKSPACE).
          //
          // SEE: https://tc39.es/ecma262/#sec-compiletocharset
          incr();
          return createEscaped('singleEscape', 0x0008, '\\b');
        } else {
          return parseIdentityEscape();
        }
      }
      case 'c': {
        if (insideCharacterClass) {
          if (!isUnicodeMode && (res = matchReg(/^c(\d)/))) {
            // ClassEscape (Annex B) :: [~UnicodeMode] c ClassControlLetter
            // ClassControlLetter :: DecimalDigit
            return createEscaped('controlLetter', res[1].charCodeAt(0) % 32, res[1], 2);
          } else if (!isUnicodeMode && match("c_")) {
            // ClassEscape (Annex B) :: [~UnicodeMode] c ClassControlLetter
            // ClassControlLetter :: _
            return createEscaped('controlLetter', 31, '_', 2);
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
      case 'd':
      case 'D':
      case 'w':
      case 'W':
      case 's':
      case 'S':
        incr();
        return createCharacterClassEscape(ch);
      case 'k':
        if (namedCaptureGroups) {
          // AtomEscape :: [+NamedCaptureGroups] k GroupName
          if (!insideCharacterClass && features.namedGroups) {
            if (res = parseNamedReference()) {
              return res;
            }
            // `k` is not an IdentityEscape with NamedCaptureGroups.
            if (next('<')) {
              bail('Invalid capture group name', '', from);
            }
            bail('Invalid named reference', '', from);
          }
        } else {
          // `\k` is an IdentityEscape, unless the pattern contains a
          // GroupName and is parsed again with NamedCaptureGroups.
          hasIdentityEscapeK = true;
        }
        return parseIdentityEscape();
      case 'p':
      case 'P':
        return parseUnicodePropertyEscape() || parseIdentityEscape();
      case '-': {
        //     [+U] -
        if (insideCharacterClass && isUnicodeMode) {
          incr();
          return createEscaped('singleEscape', 0x002d, '\\-');
        }
        return parseIdentityEscape();
      }
      default:
        return parseCharacterEscape();
    }
  }


  function parseDecimalEscape(insideCharacterClass) {
    // DecimalEscape ::
    //      NonZeroDigit DecimalDigits[~Sep]? [lookahead ∉ DecimalDigit]

    var res, match, from = pos;

    if (res = matchReg(/^(?!0)\d+/)) {
      match = res[0];
      var refIdx = parseInt(match, 10);
      if (refIdx <= closedCaptureCounter && !insideCharacterClass) {
        // If the number is smaller than the normal-groups found so
        // far, then it is a reference...
        return createReference(match);
      } else {
        // ... otherwise it needs to be interpreted as a octal (if the
        // number is in an octal format). If it is NOT octal format,
        // then the slash is ignored and the number is matched later
        // as normal characters.

        // Recall the negative decision to decide if the input must be parsed
        // a second time with the total normal-groups.
        backrefDenied.push(refIdx);

        // \1 octal escapes are disallowed in unicode mode, but they might
        // be references to groups which haven't been parsed yet.
        // We must parse a second time to determine if \1 is a reference
        // or an octal scape, and then we can report the error.
        if (firstIteration) {
          shouldReparse = true;
        } else {
          bailOctalEscapeIfUnicode(from, pos);
        }

        // Reset the position again, as maybe only parts of the previous
        // matched numbers are actual octal numbers. E.g. in '19' only
        // the '1' should be matched, and in '400' only the '40'.
        incr(-match.length);
        if (res = matchLegacyOctalEscapeSequence()) {
          return createEscaped('octal', parseInt(res[0], 8), res[0], 1);
        } else {
          // If we end up here, we have a case like /\91/. Then the
          // first slash is to be ignored and the 9 & 1 to be treated
          // like ordinary characters. Create a character for the
          // first number only here - other number-characters
          // (if available) will be matched later.
          var start = pos;
          res = createCharacter(matchReg(/^[89]/));
          return updateRawStart(res, start - 1);
        }
      }
    }
    // Only allow octal numbers in the following. All matched numbers start
    // with a zero (if the do not, the previous if-branch is executed).
    // If the number is not octal format and starts with zero (e.g. `091`)
    // then only the zeros `0` is treated here and the `91` are ordinary
    // characters.
    // Example:
    //   /\091/.exec('\091')[0].length === 3
    else if (res = matchLegacyOctalEscapeSequence()) {
      match = res[0];
      // CharacterEscape :: 0 [lookahead ∉ DecimalDigit]
      // A `0` followed by `8` or `9` (e.g. `\08`) is only valid as an Annex B
      // LegacyOctalEscapeSequence.
      if (match !== '0' || /\d/.test(lookahead())) {
        bailOctalEscapeIfUnicode(from, pos);
      }
      if (/^0{1,3}$/.test(match)) {
        // If they are all zeros, they must be U+0000.
        return createEscaped('null', 0x0000, '0', match.length);
      } else {
        return createEscaped('octal', parseInt(match, 8), match, 1);
      }
    }
    return false;
  }

  function matchLegacyOctalEscapeSequence() {
    // LegacyOctalEscapeSequence ::
    //      0 [lookahead ∈ { 8, 9 }]
    //      NonZeroOctalDigit [lookahead ∉ OctalDigit]
    //      ZeroToThree OctalDigit [lookahead ∉ OctalDigit]
    //      FourToSeven OctalDigit
    //      ZeroToThree OctalDigit OctalDigit
    //
    // The escape is at most \377, e.g. in '\400' only the '\40' is matched.
    return matchReg(/^(?:[0-3][0-7]{0,2}|[4-7][0-7]?)/);
  }

  function bailOctalEscapeIfUnicode(from, pos) {
    if (isUnicodeMode) {
      bail("Invalid decimal escape in unicode mode", null, from, pos);
    }
  }

  function parseUnicodePropertyEscape() {
    var res, from = pos;
    if (features.unicodePropertyEscape && isUnicodeMode && (res = matchReg(/^([pP])\{([^}]+)\}/))) {
      // https://github.com/jviereck/regjsparser/issues/77
      return {
        type: 'unicodePropertyEscape',
        negative: res[1] === 'P',
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
      skip('>');
      namedReferences.push(name);
      return createNamedReference(name);
    }
  }

  function parseRegExpUnicodeEscapeSequence(isUnicodeMode) {
    var res;
    if (res = matchReg(/^u([0-9a-fA-F]{4})/)) {
      // RegExpUnicodeEscapeSequence ::
      //      [+UnicodeMode] u HexLeadSurrogate \u HexTrailSurrogate
      //      [+UnicodeMode] u HexLeadSurrogate
      //      [+UnicodeMode] u HexTrailSurrogate
      //      [+UnicodeMode] u HexNonSurrogate
      //      [~UnicodeMode] u Hex4Digits
      return parseUnicodeSurrogatePairEscape(
        createEscaped('unicodeEscape', parseInt(res[1], 16), res[1], 2),
        isUnicodeMode
      );
    } else if (isUnicodeMode && (res = matchReg(/^u\{([0-9a-fA-F]+)\}/))) {
      // RegExpUnicodeEscapeSequence ::
      //      [+UnicodeMode] u{ CodePoint }
      return createEscaped('unicodeCodePointEscape', parseInt(res[1], 16), res[1], 4);
    }
  }

  function parseCharacterEscape() {
    // CharacterEscape ::
    //      ControlEscape
    //      c AsciiLetter
    //      0 [lookahead ∉ DecimalDigit]
    //      HexEscapeSequence
    //      RegExpUnicodeEscapeSequence
    //      [~UnicodeMode] LegacyOctalEscapeSequence (Annex B)
    //      IdentityEscape

    var res;
    var from = pos;
    switch (lookahead()) {
      case 't':
        incr();
        return createEscaped('singleEscape', 0x009, '\\t');
      case 'n':
        incr();
        return createEscaped('singleEscape', 0x00A, '\\n');
      case 'v':
        incr();
        return createEscaped('singleEscape', 0x00B, '\\v');
      case 'f':
        incr();
        return createEscaped('singleEscape', 0x00C, '\\f');
      case 'r':
        incr();
        return createEscaped('singleEscape', 0x00D, '\\r');
      case 'c':
        if (res = matchReg(/^c([a-zA-Z])/)) {
          // c ControlLetter
          return createEscaped('controlLetter', res[1].charCodeAt(0) % 32, res[1], 2);
        }
        break;
      case '0':
        // 0 [lookahead ∉ DecimalDigit]
        // Only reached from ClassSetCharacter: AtomEscape and ClassEscape
        // handle decimal digits before trying CharacterEscape.
        if (matchReg(/^0(?!\d)/)) {
          return createEscaped('null', 0x0000, '0', 1);
        }
        break;
      case 'x':
        if (res = matchReg(/^x([0-9a-fA-F]{2})/)) {
          // HexEscapeSequence
          return createEscaped('hexadecimalEscape', parseInt(res[1], 16), res[1], 2);
        }
        break;
      case 'u':
        if (res = parseRegExpUnicodeEscapeSequence(isUnicodeMode)) {
          if (!res || res.codePoint > 0x10FFFF) {
            bail('Invalid escape sequence', null, from, pos);
          }
          return res;
        }
        break;
    }
    // IdentityEscape
    return parseIdentityEscape();
  }

  function parseIdentifierAtom(check) {
    // RegExpIdentifierStart ::
    //      IdentifierStartChar
    //      \ RegExpUnicodeEscapeSequence[+UnicodeMode]
    //      [~UnicodeMode] UnicodeLeadSurrogate UnicodeTrailSurrogate
    //
    // RegExpIdentifierPart ::
    //      IdentifierPartChar
    //      \ RegExpUnicodeEscapeSequence[+UnicodeMode]
    //      [~UnicodeMode] UnicodeLeadSurrogate UnicodeTrailSurrogate


    var ch = lookahead();
    var from = pos;
    if (ch === undefined) {
      return;
    }
    if (ch === '\\') {
      incr();
      var esc = parseRegExpUnicodeEscapeSequence(true);
      if (!esc || !check(esc.codePoint)) {
        bail('Invalid escape sequence', null, from, pos);
      }
      return fromCodePoint(esc.codePoint);
    }
    var code = ch.charCodeAt(0);
    if (code >= 0xD800 && code <= 0xDBFF) {
      ch += str[pos + 1];
      var second = ch.charCodeAt(1);
      if (second >= 0xDC00 && second <= 0xDFFF) {
        // Unicode surrogate pair
        code = (code - 0xD800) * 0x400 + second - 0xDC00 + 0x10000;
      }
    }
    if (!check(code)) return;
    incr();
    if (code > 0xFFFF) incr();
    return ch;
  }

  function parseIdentifier() {
    // RegExpIdentifierName ::
    //      RegExpIdentifierStart
    //      RegExpIdentifierName RegExpIdentifierPart

    var start = pos;
    var res = parseIdentifierAtom(isIdentifierStart);
    if (!res) {
      bail('Invalid identifier');
    }

    var ch;
    while (ch = parseIdentifierAtom(isIdentifierPart)) {
      res += ch;
    }

    return {
      type: 'identifier',
      value: res,
      range: [start, pos],
      raw: str.substring(start, pos)
    };
  }

  function isIdentifierStart(ch) {
    // ECMAScript (Unicode v18.0.0) NonAsciiIdentifierStart:
    // Generated by `tools/generate-identifier-regex.js`.

    var NonAsciiIdentifierStart = /[\xAA\xB5\xBA\xC0-\xD6\xD8-\xF6\xF8-\u02C1\u02C6-\u02D1\u02E0-\u02E4\u02EC\u02EE\u0370-\u0374\u0376\u0377\u037A-\u037D\u037F\u0386\u0388-\u038A\u038C\u038E-\u03A1\u03A3-\u03F5\u03F7-\u0481\u048A-\u052F\u0531-\u0556\u0558\u0559\u0560-\u0588\u058B\u058C\u05D0-\u05EA\u05EF-\u05F2\u0620-\u064A\u066E\u066F\u0671-\u06D3\u06D5\u06E5\u06E6\u06EE\u06EF\u06FA-\u06FC\u06FF\u0710\u0712-\u072F\u074D-\u07A5\u07B1\u07CA-\u07EA\u07F4\u07F5\u07FA\u0800-\u0815\u081A\u0824\u0828\u0840-\u0858\u0860-\u086A\u0870-\u0887\u0889-\u088F\u08A0-\u08C9\u0904-\u0939\u093D\u0950\u0958-\u0961\u0971-\u0980\u0985-\u098C\u098F\u0990\u0993-\u09A8\u09AA-\u09B0\u09B2\u09B6-\u09B9\u09BD\u09CE\u09DC\u09DD\u09DF-\u09E1\u09F0\u09F1\u09FC\u0A05-\u0A0A\u0A0F\u0A10\u0A13-\u0A28\u0A2A-\u0A30\u0A32\u0A33\u0A35\u0A36\u0A38\u0A39\u0A59-\u0A5C\u0A5E\u0A72-\u0A74\u0A85-\u0A8D\u0A8F-\u0A91\u0A93-\u0AA8\u0AAA-\u0AB0\u0AB2\u0AB3\u0AB5-\u0AB9\u0ABD\u0AD0\u0AE0\u0AE1\u0AF9\u0B05-\u0B0C\u0B0F\u0B10\u0B13-\u0B28\u0B2A-\u0B30\u0B32\u0B33\u0B35-\u0B39\u0B3D\u0B5C\u0B5D\u0B5F-\u0B61\u0B71\u0B83\u0B85-\u0B8A\u0B8E-\u0B90\u0B92-\u0B95\u0B99\u0B9A\u0B9C\u0B9E\u0B9F\u0BA3\u0BA4\u0BA8-\u0BAA\u0BAE-\u0BB9\u0BD0\u0C05-\u0C0C\u0C0E-\u0C10\u0C12-\u0C28\u0C2A-\u0C39\u0C3D\u0C58-\u0C5A\u0C5C\u0C5D\u0C60\u0C61\u0C80\u0C85-\u0C8C\u0C8E-\u0C90\u0C92-\u0CA8\u0CAA-\u0CB3\u0CB5-\u0CB9\u0CBD\u0CDC-\u0CDE\u0CE0\u0CE1\u0CF1\u0CF2\u0D04-\u0D0C\u0D0E-\u0D10\u0D12-\u0D3A\u0D3D\u0D4E\u0D54-\u0D56\u0D5F-\u0D61\u0D7A-\u0D7F\u0D85-\u0D96\u0D9A-\u0DB1\u0DB3-\u0DBB\u0DBD\u0DC0-\u0DC6\u0E01-\u0E30\u0E32\u0E33\u0E40-\u0E46\u0E81\u0E82\u0E84\u0E86-\u0E8A\u0E8C-\u0EA3\u0EA5\u0EA7-\u0EB0\u0EB2\u0EB3\u0EBD\u0EC0-\u0EC4\u0EC6\u0EDC-\u0EDF\u0F00\u0F40-\u0F47\u0F49-\u0F6C\u0F88-\u0F8C\u1000-\u102A\u103F\u1050-\u1055\u105A-\u105D\u1061\u1065\u1066\u106E-\u1070\u1075-\u1081\u108E\u10A0-\u10C5\u10C7\u10CD\u10D0-\u10FA\u10FC-\u1248\u124A-\u124D\u1250-\u1256\u1258\u125A-\u125D\u1260-\u1288\u128A-\u128D\u1290-\u12B0\u12B2-\u12B5\u12B8-\u12BE\u12C0\u12C2-\u12C5\u12C8-\u12D6\u12D8-\u1310\u1312-\u1315\u1318-\u135A\u1380-\u138F\u13A0-\u13F5\u13F8-\u13FD\u1401-\u166C\u166F-\u167F\u1681-\u169A\u16A0-\u16EA\u16EE-\u16F8\u1700-\u1711\u171F-\u1731\u1740-\u1751\u1760-\u176C\u176E-\u1770\u1780-\u17B3\u17D7\u17DC\u1820-\u1878\u1880-\u18A8\u18AA\u18B0-\u18F5\u1900-\u191E\u1950-\u196D\u1970-\u1974\u1980-\u19AB\u19B0-\u19C9\u1A00-\u1A16\u1A20-\u1A54\u1AA7\u1B05-\u1B33\u1B45-\u1B4C\u1B83-\u1BA0\u1BAE\u1BAF\u1BBA-\u1BE5\u1C00-\u1C23\u1C4D-\u1C4F\u1C5A-\u1C7D\u1C80-\u1C8A\u1C90-\u1CBA\u1CBD-\u1CBF\u1CE9-\u1CEC\u1CEE-\u1CF3\u1CF5\u1CF6\u1CFA\u1D00-\u1DBF\u1E00-\u1F15\u1F18-\u1F1D\u1F20-\u1F45\u1F48-\u1F4D\u1F50-\u1F57\u1F59\u1F5B\u1F5D\u1F5F-\u1F7D\u1F80-\u1FB4\u1FB6-\u1FBC\u1FBE\u1FC2-\u1FC4\u1FC6-\u1FCC\u1FD0-\u1FD3\u1FD6-\u1FDB\u1FE0-\u1FEC\u1FF2-\u1FF4\u1FF6-\u1FFC\u2071\u207F\u208F-\u209F\u2102\u2107\u210A-\u2113\u2115\u2118-\u211D\u2124\u2126\u2128\u212A-\u2139\u213C-\u213F\u2145-\u2149\u214E\u2160-\u2188\u2C00-\u2CE4\u2CEB-\u2CEE\u2CF2\u2CF3\u2D00-\u2D25\u2D27\u2D2D\u2D30-\u2D67\u2D6F\u2D80-\u2D96\u2DA0-\u2DA6\u2DA8-\u2DAE\u2DB0-\u2DB6\u2DB8-\u2DBE\u2DC0-\u2DC6\u2DC8-\u2DCE\u2DD0-\u2DD6\u2DD8-\u2DDE\u3005-\u3007\u3021-\u3029\u3031-\u3035\u3038-\u303C\u3041-\u3096\u309B-\u309F\u30A1-\u30FA\u30FC-\u30FF\u3105-\u312F\u3131-\u318E\u31A0-\u31BF\u31F0-\u31FF\u3400-\u4DBF\u4E00-\uA48C\uA4D0-\uA4FD\uA500-\uA60C\uA610-\uA61F\uA62A\uA62B\uA640-\uA66E\uA67F-\uA69D\uA6A0-\uA6EF\uA717-\uA71F\uA722-\uA788\uA78B-\uA7DD\uA7E2\uA7F1-\uA801\uA803-\uA805\uA807-\uA80A\uA80C-\uA822\uA840-\uA873\uA882-\uA8B3\uA8F2-\uA8F7\uA8FB\uA8FD\uA8FE\uA90A-\uA925\uA930-\uA946\uA960-\uA97C\uA984-\uA9B2\uA9CF\uA9E0-\uA9E4\uA9E6-\uA9EF\uA9FA-\uA9FE\uAA00-\uAA28\uAA40-\uAA42\uAA44-\uAA4B\uAA60-\uAA76\uAA7A\uAA7E-\uAAAF\uAAB1\uAAB5\uAAB6\uAAB9-\uAABD\uAAC0\uAAC2\uAADB-\uAADD\uAAE0-\uAAEA\uAAF2-\uAAF4\uAB01-\uAB06\uAB09-\uAB0E\uAB11-\uAB16\uAB20-\uAB26\uAB28-\uAB2E\uAB30-\uAB5A\uAB5C-\uAB69\uAB6C\uAB6D\uAB70-\uABE2\uAC00-\uD7A3\uD7B0-\uD7C6\uD7CB-\uD7FB\uF900-\uFA6D\uFA70-\uFAD9\uFB00-\uFB06\uFB13-\uFB17\uFB1D\uFB1F-\uFB28\uFB2A-\uFB36\uFB38-\uFB3C\uFB3E\uFB40\uFB41\uFB43\uFB44\uFB46-\uFBB1\uFBD3-\uFD3D\uFD50-\uFD8F\uFD92-\uFDC7\uFDF0-\uFDFB\uFE70-\uFE74\uFE76-\uFEFC\uFF21-\uFF3A\uFF41-\uFF5A\uFF66-\uFFBE\uFFC2-\uFFC7\uFFCA-\uFFCF\uFFD2-\uFFD7\uFFDA-\uFFDC]|\uD800[\uDC00-\uDC0B\uDC0D-\uDC26\uDC28-\uDC3A\uDC3C\uDC3D\uDC3F-\uDC4D\uDC50-\uDC5D\uDC80-\uDCFA\uDD40-\uDD74\uDE80-\uDE9C\uDEA0-\uDED0\uDF00-\uDF1F\uDF2D-\uDF4A\uDF50-\uDF75\uDF80-\uDF9D\uDFA0-\uDFC3\uDFC8-\uDFCF\uDFD1-\uDFD5]|\uD801[\uDC00-\uDC9D\uDCB0-\uDCD3\uDCD8-\uDCFB\uDD00-\uDD27\uDD30-\uDD63\uDD70-\uDD7A\uDD7C-\uDD8A\uDD8C-\uDD92\uDD94\uDD95\uDD97-\uDDA1\uDDA3-\uDDB1\uDDB3-\uDDB9\uDDBB\uDDBC\uDDC0-\uDDF3\uDE00-\uDF36\uDF40-\uDF55\uDF60-\uDF67\uDF80-\uDF85\uDF87-\uDFB0\uDFB2-\uDFBF]|\uD802[\uDC00-\uDC05\uDC08\uDC0A-\uDC35\uDC37\uDC38\uDC3C\uDC3F-\uDC55\uDC60-\uDC76\uDC80-\uDC9E\uDCE0-\uDCF2\uDCF4\uDCF5\uDD00-\uDD15\uDD20-\uDD39\uDD40-\uDD59\uDD80-\uDDB7\uDDBE\uDDBF\uDE00\uDE10-\uDE13\uDE15-\uDE17\uDE19-\uDE35\uDE60-\uDE7C\uDE80-\uDE9C\uDEC0-\uDEC7\uDEC9-\uDEE4\uDF00-\uDF35\uDF40-\uDF55\uDF60-\uDF72\uDF80-\uDF91]|\uD803[\uDC00-\uDC48\uDC80-\uDCB2\uDCC0-\uDCF2\uDD00-\uDD23\uDD4A-\uDD65\uDD6F-\uDD85\uDE80-\uDEA9\uDEB0\uDEB1\uDEC2-\uDEC7\uDED9-\uDEEE\uDF00-\uDF1C\uDF27\uDF30-\uDF45\uDF70-\uDF81\uDFB0-\uDFC4\uDFE0-\uDFF6]|\uD804[\uDC03-\uDC37\uDC71\uDC72\uDC75\uDC83-\uDCAF\uDCD0-\uDCE8\uDD03-\uDD26\uDD44\uDD47\uDD50-\uDD72\uDD76\uDD83-\uDDB2\uDDC1-\uDDC4\uDDDA\uDDDC\uDE00-\uDE11\uDE13-\uDE2B\uDE3F\uDE40\uDE80-\uDE86\uDE88\uDE8A-\uDE8D\uDE8F-\uDE9D\uDE9F-\uDEA8\uDEB0-\uDEDE\uDF05-\uDF0C\uDF0F\uDF10\uDF13-\uDF28\uDF2A-\uDF30\uDF32\uDF33\uDF35-\uDF39\uDF3D\uDF50\uDF5D-\uDF61\uDF80-\uDF89\uDF8B\uDF8E\uDF90-\uDFB5\uDFB7\uDFD1\uDFD3]|\uD805[\uDC00-\uDC34\uDC47-\uDC4A\uDC5F-\uDC61\uDC80-\uDCAF\uDCC4\uDCC5\uDCC7\uDD80-\uDDAE\uDDD8-\uDDDB\uDE00-\uDE2F\uDE44\uDE80-\uDEAA\uDEB8\uDF00-\uDF1A\uDF40-\uDF46]|\uD806[\uDC00-\uDC2B\uDCA0-\uDCDF\uDCFF-\uDD06\uDD09\uDD0C-\uDD13\uDD15\uDD16\uDD18-\uDD2F\uDD3F\uDD41\uDDA0-\uDDA7\uDDAA-\uDDD0\uDDE1\uDDE3\uDE00\uDE0B-\uDE32\uDE3A\uDE50\uDE5C-\uDE89\uDE9D\uDEB0-\uDEF8\uDF0A\uDFC0-\uDFE0]|\uD807[\uDC00-\uDC08\uDC0A-\uDC2E\uDC40\uDC72-\uDC8F\uDD00-\uDD06\uDD08\uDD09\uDD0B-\uDD30\uDD46\uDD60-\uDD65\uDD67\uDD68\uDD6A-\uDD89\uDD98\uDDB0-\uDDDB\uDDF1\uDEE0-\uDEF2\uDF02\uDF04-\uDF10\uDF12-\uDF33\uDFB0]|\uD808[\uDC00-\uDF99]|\uD809[\uDC00-\uDC6F\uDC75-\uDD43\uDD50-\uDE86]|\uD80B[\uDF90-\uDFF0]|[\uD80C\uD80E\uD80F\uD81C-\uD822\uD840-\uD868\uD86A-\uD86D\uD86F-\uD872\uD874-\uD879\uD880-\uD883\uD885-\uD88C\uD8B4-\uD8BE][\uDC00-\uDFFF]|\uD80D[\uDC00-\uDC2F\uDC41-\uDC46\uDC60-\uDFFF]|\uD810[\uDC00-\uDFFA]|\uD811[\uDC00-\uDE46]|\uD818[\uDD00-\uDD1D]|\uD81A[\uDC00-\uDE38\uDE40-\uDE5E\uDE70-\uDEBE\uDED0-\uDEED\uDF00-\uDF2F\uDF40-\uDF43\uDF63-\uDF77\uDF7D-\uDF8F]|\uD81B[\uDD40-\uDD6C\uDE40-\uDE7F\uDEA0-\uDEB8\uDEBB-\uDED3\uDF00-\uDF4A\uDF50\uDF93-\uDF9F\uDFE0\uDFE1\uDFE3\uDFF2-\uDFF6]|\uD823[\uDC00-\uDCDA\uDCFF-\uDD20\uDD80-\uDDF2\uDE00-\uDFFF]|\uD824[\uDC00-\uDD91\uDDA0-\uDDD2]|\uD82B[\uDFF0-\uDFF3\uDFF5-\uDFFB\uDFFD\uDFFE]|\uD82C[\uDC00-\uDD28\uDD32\uDD50-\uDD52\uDD55\uDD64-\uDD68\uDD70-\uDEFB]|\uD82F[\uDC00-\uDC6A\uDC70-\uDC7C\uDC80-\uDC88\uDC90-\uDC99]|\uD835[\uDC00-\uDC54\uDC56-\uDC9C\uDC9E\uDC9F\uDCA2\uDCA5\uDCA6\uDCA9-\uDCAC\uDCAE-\uDCB9\uDCBB\uDCBD-\uDCC3\uDCC5-\uDD05\uDD07-\uDD0A\uDD0D-\uDD14\uDD16-\uDD1C\uDD1E-\uDD39\uDD3B-\uDD3E\uDD40-\uDD44\uDD46\uDD4A-\uDD50\uDD52-\uDEA6\uDEA8-\uDEC0\uDEC2-\uDEDA\uDEDC-\uDEFA\uDEFC-\uDF14\uDF16-\uDF34\uDF36-\uDF4E\uDF50-\uDF6E\uDF70-\uDF88\uDF8A-\uDFA8\uDFAA-\uDFC2\uDFC4-\uDFCB]|\uD837[\uDF00-\uDF81\uDF90-\uDF96\uDFCD-\uDFFF]|\uD838[\uDC30-\uDC6D\uDD00-\uDD2C\uDD37-\uDD3D\uDD4E\uDE90-\uDEAD\uDEC0-\uDEEB]|\uD839[\uDCD0-\uDCEB\uDDD0-\uDDED\uDDF0\uDEC0-\uDEDE\uDEE0-\uDEE2\uDEE4\uDEE5\uDEE7-\uDEED\uDEF0-\uDEF4\uDEFE\uDEFF\uDFE0-\uDFE6\uDFE8-\uDFEB\uDFED\uDFEE\uDFF0-\uDFFE]|\uD83A[\uDC00-\uDCC4\uDD00-\uDD43\uDD4B]|\uD83B[\uDE00-\uDE03\uDE05-\uDE1F\uDE21\uDE22\uDE24\uDE27\uDE29-\uDE32\uDE34-\uDE37\uDE39\uDE3B\uDE42\uDE47\uDE49\uDE4B\uDE4D-\uDE4F\uDE51\uDE52\uDE54\uDE57\uDE59\uDE5B\uDE5D\uDE5F\uDE61\uDE62\uDE64\uDE67-\uDE6A\uDE6C-\uDE72\uDE74-\uDE77\uDE79-\uDE7C\uDE7E\uDE80-\uDE89\uDE8B-\uDE9B\uDEA1-\uDEA3\uDEA5-\uDEA9\uDEAB-\uDEBB]|\uD869[\uDC00-\uDEDF\uDF00-\uDFFF]|\uD86E[\uDC00-\uDC1E\uDC20-\uDFFF]|\uD873[\uDC00-\uDEAD\uDEB0-\uDFFF]|\uD87A[\uDC00-\uDFE0\uDFF0-\uDFFF]|\uD87B[\uDC00-\uDE5D]|\uD87E[\uDC00-\uDE1D]|\uD884[\uDC00-\uDF4A\uDF50-\uDFFF]|\uD88D[\uDC00-\uDC79]|\uD8BF[\uDC00-\uDC3F]/;
    return (ch === 36) || (ch === 95) ||  // $ (dollar) and _ (underscore)
      (ch >= 65 && ch <= 90) ||         // A..Z
      (ch >= 97 && ch <= 122) ||        // a..z
      ((ch >= 0x80) && NonAsciiIdentifierStart.test(fromCodePoint(ch)));
  }

  // Taken from the Esprima parser.
  function isIdentifierPart(ch) {
    // ECMAScript (Unicode v18.0.0) NonAsciiIdentifierPartOnly:
    // Generated by `tools/generate-identifier-regex.js`.
    // eslint-disable-next-line no-misleading-character-class
    var NonAsciiIdentifierPartOnly = /[\xB7\u0300-\u036F\u0387\u0483-\u0487\u0591-\u05BD\u05BF\u05C1\u05C2\u05C4\u05C5\u05C7-\u05C9\u0610-\u061A\u064B-\u0669\u0670\u06D6-\u06DC\u06DF-\u06E4\u06E7\u06E8\u06EA-\u06ED\u06F0-\u06F9\u0711\u0730-\u074A\u07A6-\u07B0\u07C0-\u07C9\u07EB-\u07F3\u07FD\u0816-\u0819\u081B-\u0823\u0825-\u0827\u0829-\u082D\u0859-\u085B\u0897-\u089F\u08CA-\u08E1\u08E3-\u0903\u093A-\u093C\u093E-\u094F\u0951-\u0957\u0962\u0963\u0966-\u096F\u0981-\u0983\u09BC\u09BE-\u09C4\u09C7\u09C8\u09CB-\u09CD\u09D7\u09E2\u09E3\u09E6-\u09EF\u09FE\u0A01-\u0A03\u0A3C\u0A3E-\u0A42\u0A47\u0A48\u0A4B-\u0A4D\u0A51\u0A66-\u0A71\u0A75\u0A81-\u0A83\u0ABC\u0ABE-\u0AC5\u0AC7-\u0AC9\u0ACB-\u0ACD\u0AE2\u0AE3\u0AE6-\u0AEF\u0AFA-\u0AFF\u0B01-\u0B03\u0B3C\u0B3E-\u0B44\u0B47\u0B48\u0B4B-\u0B4D\u0B53-\u0B57\u0B62\u0B63\u0B66-\u0B6F\u0B82\u0BBE-\u0BC2\u0BC6-\u0BC8\u0BCA-\u0BCD\u0BD7\u0BE6-\u0BEF\u0C00-\u0C04\u0C3C\u0C3E-\u0C44\u0C46-\u0C48\u0C4A-\u0C4D\u0C55\u0C56\u0C62\u0C63\u0C66-\u0C6F\u0C81-\u0C83\u0CBC\u0CBE-\u0CC4\u0CC6-\u0CC8\u0CCA-\u0CCD\u0CD5\u0CD6\u0CE2\u0CE3\u0CE6-\u0CEF\u0CF3\u0D00-\u0D03\u0D3B\u0D3C\u0D3E-\u0D44\u0D46-\u0D48\u0D4A-\u0D4D\u0D57\u0D62\u0D63\u0D66-\u0D6F\u0D81-\u0D83\u0DCA\u0DCF-\u0DD4\u0DD6\u0DD8-\u0DDF\u0DE6-\u0DEF\u0DF2\u0DF3\u0E31\u0E34-\u0E3A\u0E47-\u0E4E\u0E50-\u0E59\u0EB1\u0EB4-\u0EBC\u0EC8-\u0ECE\u0ED0-\u0ED9\u0F18\u0F19\u0F20-\u0F29\u0F35\u0F37\u0F39\u0F3E\u0F3F\u0F71-\u0F84\u0F86\u0F87\u0F8D-\u0F97\u0F99-\u0FBC\u0FC6\u102B-\u103E\u1040-\u1049\u1056-\u1059\u105E-\u1060\u1062-\u1064\u1067-\u106D\u1071-\u1074\u1082-\u108D\u108F-\u109D\u135D-\u135F\u1369-\u1371\u1712-\u1715\u1732-\u1734\u1752\u1753\u1772\u1773\u17B4-\u17D3\u17DD\u17E0-\u17E9\u180B-\u180D\u180F-\u1819\u18A9\u1920-\u192B\u1930-\u193B\u1946-\u194F\u19D0-\u19DA\u1A17-\u1A1B\u1A55-\u1A5E\u1A60-\u1A7C\u1A7F-\u1A89\u1A90-\u1A99\u1AB0-\u1ABD\u1ABF-\u1AF0\u1B00-\u1B04\u1B34-\u1B44\u1B50-\u1B59\u1B6B-\u1B73\u1B80-\u1B82\u1BA1-\u1BAD\u1BB0-\u1BB9\u1BE6-\u1BF3\u1C24-\u1C37\u1C40-\u1C49\u1C50-\u1C59\u1CD0-\u1CD2\u1CD4-\u1CE8\u1CED\u1CF4\u1CF7-\u1CF9\u1DC0-\u1DFF\u200C\u200D\u203F\u2040\u2054\u20D0-\u20DC\u20E1\u20E5-\u20F0\u2CEF-\u2CF1\u2D7F\u2DE0-\u2DFF\u302A-\u302F\u3099\u309A\u30FB\uA620-\uA629\uA66F\uA674-\uA67D\uA69E\uA69F\uA6F0\uA6F1\uA802\uA806\uA80B\uA823-\uA827\uA82C\uA880\uA881\uA8B4-\uA8C5\uA8D0-\uA8D9\uA8E0-\uA8F1\uA8FF-\uA909\uA926-\uA92D\uA947-\uA953\uA980-\uA983\uA9B3-\uA9C0\uA9D0-\uA9D9\uA9E5\uA9F0-\uA9F9\uAA29-\uAA36\uAA43\uAA4C\uAA4D\uAA50-\uAA59\uAA7B-\uAA7D\uAAB0\uAAB2-\uAAB4\uAAB7\uAAB8\uAABE\uAABF\uAAC1\uAAEB-\uAAEF\uAAF5\uAAF6\uABE3-\uABEA\uABEC\uABED\uABF0-\uABF9\uFB1E\uFE00-\uFE0F\uFE20-\uFE2F\uFE33\uFE34\uFE4D-\uFE4F\uFF10-\uFF19\uFF3F\uFF65]|\uD800[\uDDFD\uDEE0\uDF76-\uDF7A]|\uD801[\uDCA0-\uDCA9]|\uD802[\uDE01-\uDE03\uDE05\uDE06\uDE0C-\uDE0F\uDE38-\uDE3A\uDE3F\uDEE5\uDEE6]|\uD803[\uDD24-\uDD27\uDD30-\uDD39\uDD40-\uDD49\uDD69-\uDD6D\uDEAB\uDEAC\uDECB-\uDECF\uDEF0-\uDEFF\uDF46-\uDF50\uDF82-\uDF85]|\uD804[\uDC00-\uDC02\uDC38-\uDC46\uDC66-\uDC70\uDC73\uDC74\uDC7F-\uDC82\uDCB0-\uDCBA\uDCC2\uDCF0-\uDCF9\uDD00-\uDD02\uDD27-\uDD34\uDD36-\uDD3F\uDD45\uDD46\uDD73\uDD80-\uDD82\uDDB3-\uDDC0\uDDC9-\uDDCC\uDDCE-\uDDD9\uDE2C-\uDE37\uDE3E\uDE41\uDEDF-\uDEEA\uDEF0-\uDEF9\uDF00-\uDF03\uDF3B\uDF3C\uDF3E-\uDF44\uDF47\uDF48\uDF4B-\uDF4D\uDF57\uDF62\uDF63\uDF66-\uDF6C\uDF70-\uDF74\uDFB8-\uDFC0\uDFC2\uDFC5\uDFC7-\uDFCA\uDFCC-\uDFD0\uDFD2\uDFE1\uDFE2]|\uD805[\uDC35-\uDC46\uDC50-\uDC59\uDC5E\uDCB0-\uDCC3\uDCD0-\uDCD9\uDDAF-\uDDB5\uDDB8-\uDDC0\uDDDC\uDDDD\uDE30-\uDE40\uDE50-\uDE59\uDEAB-\uDEB7\uDEC0-\uDEC9\uDED0-\uDEE3\uDF1D-\uDF2B\uDF30-\uDF39]|\uD806[\uDC2C-\uDC3A\uDCE0-\uDCE9\uDD30-\uDD35\uDD37\uDD38\uDD3B-\uDD3E\uDD40\uDD42\uDD43\uDD50-\uDD59\uDDD1-\uDDD7\uDDDA-\uDDE0\uDDE4\uDE01-\uDE0A\uDE33-\uDE39\uDE3B-\uDE3E\uDE47\uDE51-\uDE5B\uDE8A-\uDE99\uDF60-\uDF67\uDFF0-\uDFF9]|\uD807[\uDC2F-\uDC36\uDC38-\uDC3F\uDC50-\uDC59\uDC92-\uDCA7\uDCA9-\uDCB6\uDD31-\uDD36\uDD3A\uDD3C\uDD3D\uDD3F-\uDD45\uDD47\uDD50-\uDD59\uDD8A-\uDD8E\uDD90\uDD91\uDD93-\uDD97\uDDA0-\uDDA9\uDDE0-\uDDE9\uDDF0\uDEF3-\uDEF6\uDF00\uDF01\uDF03\uDF34-\uDF3A\uDF3E-\uDF42\uDF50-\uDF5A]|\uD80D[\uDC40\uDC47-\uDC55]|\uD818[\uDD1E-\uDD39]|\uD81A[\uDE60-\uDE69\uDEC0-\uDEC9\uDEF0-\uDEF4\uDF30-\uDF36\uDF50-\uDF59]|\uD81B[\uDD70-\uDD79\uDF4F\uDF51-\uDF87\uDF8F-\uDF92\uDFE4\uDFF0\uDFF1]|\uD82F[\uDC9D\uDC9E]|\uD833[\uDCF0-\uDCF9\uDF00-\uDF2D\uDF30-\uDF46]|\uD834[\uDD27\uDD28\uDD65-\uDD69\uDD6D-\uDD72\uDD7B-\uDD82\uDD85-\uDD8B\uDDAA-\uDDAD\uDE42-\uDE44\uDE50-\uDE52\uDE5B\uDE5C\uDE5F\uDE80\uDE81]|\uD835[\uDFCE-\uDFFF]|\uD836[\uDE00-\uDE36\uDE3B-\uDE6C\uDE75\uDE84\uDE9B-\uDE9F\uDEA1-\uDEAF]|\uD838[\uDC00-\uDC06\uDC08-\uDC18\uDC1B-\uDC21\uDC23\uDC24\uDC26-\uDC2A\uDC8F\uDD30-\uDD36\uDD40-\uDD49\uDEAE\uDEEC-\uDEF9]|\uD839[\uDCEC-\uDCF9\uDDEE\uDDEF\uDDF1-\uDDFA\uDEE3\uDEE6\uDEEE\uDEEF\uDEF5]|\uD83A[\uDCD0-\uDCD6\uDD44-\uDD4A\uDD50-\uDD59]|\uD83E[\uDFF0-\uDFF9]|\uDB40[\uDD00-\uDDEF]/;
    return isIdentifierStart(ch) ||
      (ch >= 48 && ch <= 57) ||         // 0..9
      ((ch >= 0x80) && NonAsciiIdentifierPartOnly.test(fromCodePoint(ch)));
  }

  function parseIdentityEscape() {
    // IdentityEscape (Annex B) ::
    //      [+UnicodeMode] SyntaxCharacter
    //      [+UnicodeMode] /
    //      [~UnicodeMode] SourceCharacterIdentityEscape
    //
    // SourceCharacterIdentityEscape (Annex B) ::
    //      [~NamedCaptureGroups] SourceCharacter but not c
    //      [+NamedCaptureGroups] SourceCharacter but not one of c or k


    var tmp;
    var l = lookahead();
    if (
      (isUnicodeMode && /[\^$.*+?()\\[\]{}|/]/.test(l)) ||
      (!isUnicodeMode && l !== "c" && !(namedCaptureGroups && l === "k"))
    ) {
      tmp = consume(1);
      return createEscaped('identifier', tmp.charCodeAt(0), tmp, 1);
    }

    return null;
  }

  function parseCharacterClass() {
    // CharacterClass ::
    //      [ [lookahead ≠ ^] ClassContents ]
    //      [^ ClassContents ]

    var res, from = pos;
    if (match("[^")) {
      res = parseClassContents();
      skip(']');
      // It is a Syntax Error if MayContainStrings of the ClassContents is
      // true, as a negated class cannot be complemented sensibly.
      //
      // SEE: https://tc39.es/ecma262/#sec-patterns-static-semantics-early-errors
      if (hasUnicodeSetFlag && mayContainStrings(res)) {
        bail('Negated character class may contain strings', '', from, pos);
      }
      return createCharacterClass(res, true, from, pos);
    } else if (matchOne('[')) {
      res = parseClassContents();
      skip(']');
      return createCharacterClass(res, false, from, pos);
    }

    return null;
  }

  function mayContainStrings(contents) {
    // MayContainStrings of ClassContents, i.e. of a ClassUnion,
    // ClassIntersection or ClassSubtraction.
    //
    // SEE: https://tc39.es/ecma262/#sec-static-semantics-maycontainstrings
    switch (contents.kind) {
      case 'intersection':
        // The intersection may contain strings only if all operands may.
        return contents.body.every(operandMayContainStrings);
      case 'subtraction':
        // The subtraction may contain strings only if the first operand may.
        return operandMayContainStrings(contents.body[0]);
      default:
        // The union may contain strings if any operand may.
        return contents.body.some(operandMayContainStrings);
    }
  }

  function operandMayContainStrings(node) {
    switch (node.type) {
      case 'classStrings':
        // ClassStringDisjunction: true if any ClassString is not exactly one
        // character, which includes the empty string.
        return node.strings.some(function (string) {
          return string.characters.length !== 1;
        });
      case 'characterClass':
        // NestedClass :: [^ ClassContents ] is always false.
        return !node.negative && mayContainStrings(node);
      case 'unicodePropertyEscape':
        return !node.negative && isBinaryPropertyOfStrings(node.value);
      default:
        // ClassSetCharacter, ClassSetRange, CharacterClassEscape :: d D s S w W
        return false;
    }
  }

  function isBinaryPropertyOfStrings(value) {
    // SEE: https://tc39.es/ecma262/#table-binary-unicode-properties-of-strings
    switch (value) {
      case 'Basic_Emoji':
      case 'Emoji_Keycap_Sequence':
      case 'RGI_Emoji_Modifier_Sequence':
      case 'RGI_Emoji_Flag_Sequence':
      case 'RGI_Emoji_Tag_Sequence':
      case 'RGI_Emoji_ZWJ_Sequence':
      case 'RGI_Emoji':
        return true;
      default:
        return false;
    }
  }

  function parseClassContents() {
    // ClassContents ::
    //      [empty]
    //      [~UnicodeSetsMode] NonemptyClassRanges
    //      [+UnicodeSetsMode] ClassSetExpression

    var res;
    if (currentOne(']')) {
      // Empty array means nothing inside of the ClassRange.
      return { kind: 'union', body: [] };
    } else if (hasUnicodeSetFlag) {
      return parseClassSetExpression();
    } else {
      res = parseNonemptyClassRanges();
      if (!res) {
        bail('nonEmptyClassRanges');
      }
      return { kind: 'union', body: res };
    }
  }

  function parseNonemptyClassRanges() {
    // NonemptyClassRanges ::
    //      ClassAtom
    //      ClassAtom NonemptyClassRangesNoDash
    //      ClassAtom - ClassAtom ClassContents
    //
    // NonemptyClassRangesNoDash ::
    //      ClassAtom
    //      ClassAtomNoDash NonemptyClassRangesNoDash
    //      ClassAtomNoDash - ClassAtom ClassContents
    //
    // Both productions are right-recursive. They are parsed within a loop such
    // that large classes take linear time and don't overflow the call stack.

    var contents = [], rangeIndexes = [];
    var atom, atomTo, dash, range, i, j;

    do {
      atom = parseClassAtom();
      if (!atom) {
        bail('classAtom');
      }

      if (currentOne('-') && !next(']')) {
        // ClassAtom - ClassAtom ClassContents
        incr();
        dash = createCharacter('-');

        atomTo = parseClassAtom();
        if (!atomTo) {
          bail('classAtom');
        }

        rangeIndexes.push(contents.length);
        contents.push({ atom: atom, dash: dash, atomTo: atomTo, from: atom.range[0], to: pos });
      } else {
        // ClassAtom
        // ClassAtom NonemptyClassRangesNoDash
        contents.push(atom);
      }
    } while (!currentOne(']'));

    // Build the ranges from right to left. This keeps the error precedence
    // of the recursive grammar, where a range is checked only after the
    // rest of the class has been parsed.
    for (i = rangeIndexes.length - 1; i >= 0; i--) {
      range = contents[rangeIndexes[i]];

      // Check if both the from and atomTo have codePoints.
      if (!('codePoint' in range.atom) || !('codePoint' in range.atomTo)) {
        if (!isUnicodeMode) {
          // If not, don't create a range but treat them as
          // `atom` `-` `atom` instead.
          //
          // SEE: https://tc39.es/ecma262/#sec-regular-expression-patterns-semantics
          //   NonemptyClassRanges::ClassAtom - ClassAtom ClassContents
          //   CharacterRangeOrUnion
          contents[rangeIndexes[i]] = [range.atom, range.dash, range.atomTo];
        } else {
          // With unicode flag, both sides must have codePoints if
          // one side has a codePoint.
          //
          // SEE: https://tc39.es/ecma262/#sec-patterns-static-semantics-early-errors
          //   NonemptyClassRanges :: ClassAtom - ClassAtom ClassContents
          bail('invalid character class');
        }
      } else {
        contents[rangeIndexes[i]] = createClassRange(range.atom, range.atomTo, range.from, range.to);
      }
    }

    // Flatten contents to return a single array of class elements.
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
    // ClassAtom ::
    //      -
    //      ClassAtomNoDash
    if (matchOne('-')) {
      return createCharacter('-');
    } else {
      return parseClassAtomNoDash();
    }
  }

  function parseClassAtomNoDash() {
    // ClassAtomNoDash ::
    //      SourceCharacter but not one of \ or ] or -
    //      \ ClassEscape
    //
    // ClassAtomNoDash (Annex B) ::
    //      ...
    //      \ [lookahead = c]

    var res;
    switch ((res = lookahead())) {
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
      case undefined: // End of input, e.g. an unterminated class like `[a`.
        return undefined;
      default:
        incr();
        return createCharacter(res);
    }
  }

  function parseClassSetExpression() {
    // ClassSetExpression ::
    //      ClassUnion
    //      ClassIntersection
    //      ClassSubtraction
    //
    // ClassUnion ::
    //      ClassSetRange ClassUnion?
    //      ClassSetOperand ClassUnion?
    //
    // ClassIntersection ::
    //      ClassSetOperand && [lookahead ≠ &] ClassSetOperand
    //      ClassIntersection && [lookahead ≠ &] ClassSetOperand
    //
    // ClassSubtraction ::
    //      ClassSetOperand -- ClassSetOperand
    //      ClassSubtraction -- ClassSetOperand
    //

    var body = [];
    var kind;

    var operand = parseClassSetOperand(/* allowRanges*/ true);
    body.push(operand);

    // A single `&` or `-` is not an operator: `&` is an ordinary
    // ClassSetCharacter and a lone `-` is a syntax error, which the next
    // parseClassSetOperand() call reports.
    if (operand.type === 'characterClassRange') {
      kind = 'union';
    } else if (currentOne('&') && next('&')) {
      kind = 'intersection';
    } else if (currentOne('-') && next('-')) {
      kind = 'subtraction';
    } else {
      kind = 'union';
    }

    while (!currentOne(']')) {
      if (kind === 'intersection') {
        skip('&');
        skip('&');
        if (currentOne('&')) {
          bail('&& cannot be followed by &. Wrap it in brackets: &&[&].');
        }
      } else if (kind === 'subtraction') {
        skip('-');
        skip('-');
      }

      operand = parseClassSetOperand(/* allowRanges*/ kind === 'union');
      body.push(operand);
    }

    return { kind: kind, body: body };
  }

  function parseClassSetOperand(allowRanges) {
    // ClassSetOperand ::
    //      NestedClass
    //      ClassStringDisjunction
    //      ClassSetCharacter
    //
    // NestedClass ::
    //      [ [lookahead ≠ ^] ClassContents[+UnicodeMode, +UnicodeSetsMode] ]
    //      [^ ClassContents[+UnicodeMode, +UnicodeSetsMode] ]
    //      \ CharacterClassEscape[+UnicodeMode]
    //
    // ClassSetRange ::
    //      ClassSetCharacter - ClassSetCharacter
    //
    // ClassSetCharacter ::
    //      [lookahead ∉ ClassSetReservedDoublePunctuator] SourceCharacter but not ClassSetSyntaxCharacter
    //      \ CharacterEscape[+UnicodeMode]
    //      \ ClassSetReservedPunctuator
    //      \b
    //
    // ClassSetSyntaxCharacter :: one of
    //      ( ) [ ] { } / - \ |

    var from = pos;
    var start, res;

    if (matchOne('\\')) {
      // ClassSetOperand ::
      //      NestedClass
      //      ClassStringDisjunction
      //      ...
      //
      // NestedClass ::
      //      ...
      //      \ CharacterClassEscape[+UnicodeMode]
      if (match('q{')) {
        return parseClassStringDisjunction();
      } else if (res = parseClassEscape()) {
        if (res.type === 'characterClassEscape' || res.type === 'unicodePropertyEscape') {
          // NestedClass ::
          //      \ CharacterClassEscape[+UnicodeMode]
          //
          // A NestedClass is not a ClassSetCharacter, so it cannot start a
          // ClassSetRange, e.g. `[\d-a]` is a SyntaxError.
          return res;
        }
        start = res;
      } else if (res = parseClassSetCharacterEscapedHelper()) {
        start = res;
      } else {
        bail('Invalid escape', '\\' + lookahead(), from);
      }
    } else if (res = parseClassSetCharacterUnescapedHelper()) {
      start = res;
    } else if (res = parseCharacterClass()) {
      // ClassSetOperand ::
      //      NestedClass
      //      ...
      //
      // NestedClass ::
      //      [ [lookahead ≠ ^] ClassContents[+UnicodeMode, +UnicodeSetsMode] ]
      //      [^ ClassContents[+UnicodeMode, +UnicodeSetsMode] ]
      //      ...
      return res;
    } else {
      bail('Invalid character', lookahead());
    }

    if (allowRanges && currentOne('-') && !next('-')) {
      incr();

      if (res = parseClassSetCharacter()) {
        // ClassSetRange ::
        //      ClassSetCharacter - ClassSetCharacter
        return createClassRange(start, res, from, pos);
      }

      bail('Invalid range end', lookahead());
    }

    // ClassSetOperand ::
    //      ...
    //      ClassSetCharacter
    return start;
  }

  function parseClassSetCharacter() {
    // ClassSetCharacter ::
    //      [lookahead ∉ ClassSetReservedDoublePunctuator] SourceCharacter but not ClassSetSyntaxCharacter
    //      \ CharacterEscape[+UnicodeMode]
    //      \ ClassSetReservedPunctuator
    //      \b

    if (matchOne('\\')) {
      var res, from = pos;
      if (res = parseClassSetCharacterEscapedHelper()) {
        return res;
      } else {
        bail('Invalid escape', '\\' + lookahead(), from);
      }
    }

    return parseClassSetCharacterUnescapedHelper();
  }

  function parseClassSetCharacterUnescapedHelper() {
    // ClassSetCharacter ::
    //      [lookahead ∉ ClassSetReservedDoublePunctuator] SourceCharacter but not ClassSetSyntaxCharacter
    //      ...

    var res;
    if (matchReg(/^(?:&&|!!|##|\$\$|%%|\*\*|\+\+|,,|\.\.|::|;;|<<|==|>>|\?\?|@@|\^\^|``|~~)/)) {
      bail('Invalid set operation in character class');
    }
    if (res = matchReg(/^[^()[\]{}/\-\\|]/)) {
      return createCharacter(res);
    }
  }

  function parseClassSetCharacterEscapedHelper() {
    // ClassSetCharacter ::
    //      ...
    //      \ CharacterEscape[+UnicodeMode]
    //      \ ClassSetReservedPunctuator
    //      \b

    var res;
    if (matchOne('b')) {
      return createEscaped('singleEscape', 0x0008, '\\b');
    } else if (matchOne('B')) {
      bail('\\B not possible inside of ClassContents', '', pos - 2);
    } else if (res = matchReg(/^[&\-!#%,:;<=>@`~]/)) {
      return createEscaped('identifier', res[0].codePointAt(0), res[0]);
    } else if (res = parseCharacterEscape()) {
      return res;
    } else {
      return null;
    }
  }

  function parseClassStringDisjunction() {
    // ClassStringDisjunction ::
    //      \q{ ClassStringDisjunctionContents }
    //
    // ClassStringDisjunctionContents ::
    //      ClassString
    //      ClassString | ClassStringDisjunctionContents


    // When calling this function, \q{ has already been consumed.
    var from = pos - 3;

    var res = [];
    do {
      res.push(parseClassString());
    } while (matchOne('|'));

    skip('}');

    return createClassStrings(res, from, pos);
  }

  function parseClassString() {
    // ClassString ::
    //      [empty]
    //      NonEmptyClassString
    //
    // NonEmptyClassString ::
    //      ClassSetCharacter NonEmptyClassString?

    var res = [], from = pos;
    var char;

    while (char = parseClassSetCharacter()) {
      res.push(char);
    }

    return createClassString(res, from, pos);
  }

  function declareGroupName(name) {
    // Pattern :: Disjunction
    // It is a Syntax Error if Pattern contains two distinct GroupSpecifiers
    // x and y such that the CapturingGroupName of x is the CapturingGroupName
    // of y and such that MightBothParticipate(x, y) is true.
    //
    // SEE: https://tc39.es/ecma262/#sec-patterns-static-semantics-early-errors
    //
    // MightBothParticipate(x, y) is false only if x and y are in different
    // alternatives of a Disjunction. A name is visible from the point of
    // its declaration, except in the following alternatives of the same
    // Disjunction (see parseDisjunction()). Another group with a visible
    // name might participate together with this one.
    if (visibleGroupNames[name.value]) {
      bail('Duplicate capture group name', name.value, name.range[0], name.range[1]);
    }
    visibleGroupNames[name.value] = true;
    groupNames.push(name.value);

    // The pattern contains a GroupName, so it is parsed with
    // [+NamedCaptureGroups]. See the second pass in parse().
    namedCaptureGroups = true;
  }

  function checkNamedReferences() {
    // AtomEscape :: k GroupName
    // It is a Syntax Error if GroupSpecifiersThatMatch(GroupName) is empty.
    //
    // SEE: https://tc39.es/ecma262/#sec-patterns-static-semantics-early-errors
    for (var i = 0; i < namedReferences.length; i++) {
      var name = namedReferences[i];
      if (!(name.value in visibleGroupNames)) {
        bail('Invalid named capture referenced', name.value, name.range[0], name.range[1]);
      }
    }
  }

  function bail(message, details, from, to) {
    from = from == null ? pos : from;
    to = to == null ? from : to;

    var contextStart = Math.max(0, from - 10);
    var contextEnd = Math.min(to + 10, str.length);

    // Output a bit of context and a line pointing to where our error is.
    //
    // We are assuming that there are no actual newlines in the content as this is a regular expression.
    var context = '    ' + str.substring(contextStart, contextEnd);
    var pointer = '    ' + new Array(from - contextStart + 1).join(' ') + '^';

    throw SyntaxError(message + ' at position ' + from + (details ? ': ' + details : '') + '\n' + context + '\n' + pointer);
  }

  function parse(input, flags, options) {
    // The parser state lives at module scope, so parse() saves the state of
    // any call in progress and restores it on exit. This keeps parse()
    // reentrant: a nested call, e.g. from input.toString() or from a getter on
    // the options, must not clobber the state of the outer call.
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
    visibleGroupNames = Object.create(null);
    namedReferences = [];
    hasIdentityEscapeK = false;
    pos = 0;

    if (hasUnicodeSetFlag && !features.unicodeSet) {
      throw new Error('The "v" flag is only supported when the .unicodeSet option is enabled.');
    }

    if (hasUnicodeFlag && hasUnicodeSetFlag) {
      throw new Error('The "u" and "v" flags are mutually exclusive.');
    }

    // Convert the input to a string and treat the empty string special.
    str = String(input);
    if (str === '') {
      str = '(?:)';
    }

    var result = parseDisjunction();

    if (result.range[1] !== str.length) {
      bail('Could not parse entire input - got stuck', '', result.range[1]);
    }

    // The spec requires to interpret the `\2` in `/\2()()/` as backreference.
    // As the parser collects the number of capture groups as the string is
    // parsed it is impossible to make these decisions at the point when the
    // `\2` is handled. In case the local decision turns out to be wrong after
    // the parsing has finished, the input string is parsed a second time with
    // the total number of capture groups set.
    //
    // SEE: https://github.com/jviereck/regjsparser/issues/70
    shouldReparse = shouldReparse || backrefDenied.some(function (ref) {
      return ref <= closedCaptureCounter;
    });

    // Without the u and v flags, the pattern is first parsed with
    // [~NamedCaptureGroups]. If it contains a GroupName, it is parsed again
    // with [+NamedCaptureGroups]. The parser switches to [+NamedCaptureGroups]
    // at the first GroupName already, and only a `\k` before it is parsed
    // differently. So the second pass is skipped when there is none.
    //
    // This relies on `\k` being the only production that depends on
    // [NamedCaptureGroups]. If anything else is gated on `namedCaptureGroups`,
    // it must also trigger a reparse when it appears before the first
    // GroupName.
    //
    // SEE: https://tc39.es/ecma262/#sec-parsepattern-annexb
    if (groupNames.length > 0 && hasIdentityEscapeK) {
      shouldReparse = true;
    }

    if (shouldReparse) {
      // Parse the input a second time.
      pos = 0;
      firstIteration = false;
      groupNames = [];
      visibleGroupNames = Object.create(null);
      namedReferences = [];
      result = parseDisjunction();
    }

    checkNamedReferences();

    return result;
  }

  var regjsparser = {
    parse: parse
  };

  if ( true && module.exports) {
    module.exports = regjsparser;
  } else {
    window.regjsparser = regjsparser;
  }

}());


/***/ }),

/***/ 7646:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7616);

await (0,_main_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 7616:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
var external_node_os_default = /*#__PURE__*/__nccwpck_require__.n(external_node_os_namespaceObject);
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_namespaceObject);
;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: ./src/adapters/command-runner.ts

const DEFAULT_MAX_OUTPUT = 5 * 1024 * 1024;
/** Time a killed process group gets between SIGTERM and SIGKILL. */
const KILL_GRACE_MS = 2000;
/**
 * Variables a validator must not see: it runs the PR's own code (its lint config, its plugins), and the
 * action's inputs include the Codex token.
 */
const SECRET_ENV = /^(INPUT_.*|ACTIONS_RUNTIME_TOKEN|ACTIONS_ID_TOKEN_REQUEST_TOKEN|ACTIONS_ID_TOKEN_REQUEST_URL|GITHUB_TOKEN|GH_TOKEN|CODEX_TOKEN)$/i;
function createCommandEnv(base = process.env) {
    const env = {};
    for (const [k, v] of Object.entries(base))
        if (!SECRET_ENV.test(k))
            env[k] = v;
    return env;
}
/**
 * Runs a program without a shell: every argv entry reaches the program as written, so a file named
 * `; rm -rf ~` or `--help` is just an argument. On timeout the whole process group is killed (a linter
 * started through `npx` has children).
 */
const runCommand = (argv, options) => new Promise((resolve) => {
    const [program, ...args] = argv;
    if (program === undefined || program === '') {
        resolve({ exitCode: null, stdout: '', stderr: '', timedOut: false, truncated: false, error: 'empty command' });
        return;
    }
    const cap = options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT;
    const posix = process.platform !== 'win32';
    const child = (0,external_node_child_process_namespaceObject.spawn)(program, args, {
        cwd: options.cwd,
        env: options.env ?? createCommandEnv(),
        shell: false,
        stdio: ['ignore', 'pipe', 'pipe'],
        // Its own process group, so a timeout can kill the grandchildren too.
        detached: posix,
        windowsHide: true,
    });
    let truncated = false;
    let timedOut = false;
    let settled = false;
    const collect = () => {
        const chunks = [];
        let size = 0;
        return {
            push(chunk) {
                if (size >= cap) {
                    truncated = true;
                    return;
                }
                const room = cap - size;
                if (chunk.length > room)
                    truncated = true;
                const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
                chunks.push(part);
                size += part.length;
            },
            text: () => Buffer.concat(chunks).toString('utf8'),
        };
    };
    const out = collect();
    const err = collect();
    child.stdout.on('data', (c) => out.push(c));
    child.stderr.on('data', (c) => err.push(c));
    const killTree = (signal) => {
        if (child.pid === undefined)
            return;
        try {
            if (posix)
                process.kill(-child.pid, signal);
            else
                child.kill(signal);
        }
        catch {
            // already gone
        }
    };
    let hardKill;
    const timer = setTimeout(() => {
        timedOut = true;
        killTree('SIGTERM');
        hardKill = setTimeout(() => killTree('SIGKILL'), KILL_GRACE_MS);
        hardKill.unref();
    }, options.timeoutMs);
    const finish = (exitCode, error) => {
        if (settled)
            return;
        settled = true;
        clearTimeout(timer);
        if (timedOut)
            killTree('SIGKILL'); // stragglers in the group
        if (hardKill)
            clearTimeout(hardKill);
        resolve({
            exitCode: timedOut ? null : exitCode,
            stdout: out.text(),
            stderr: err.text(),
            timedOut,
            truncated,
            ...(error !== undefined ? { error } : {}),
        });
    };
    child.on('error', (e) => finish(null, e.message));
    // 'close' waits for the pipes; a grandchild holding them open is killed on timeout.
    child.on('close', (code) => finish(code));
});

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./src/core/diff/parse-git-diff.ts
/**
 * Parses the output of `git diff` (several files, with headers) into ChangedFile records whose `patch`
 * holds the hunks only, like GitHub's. Run git with `--no-color --no-ext-diff -M` for this format.
 */
function parseGitDiff(output) {
    const files = [];
    const sections = output.split(/^(?=diff --git )/m).filter((s) => s.startsWith('diff --git '));
    for (const section of sections) {
        const file = parseSection(section);
        if (file)
            files.push(file);
    }
    return files;
}
function parseSection(section) {
    const lines = section.split('\n');
    let oldPath;
    let newPath;
    let status = 'modified';
    let binary = false;
    let i = 1;
    for (; i < lines.length; i++) {
        const line = lines[i].replace(/\r$/, '');
        if (line.startsWith('@@'))
            break;
        if (line.startsWith('new file mode'))
            status = 'added';
        else if (line.startsWith('deleted file mode'))
            status = 'removed';
        else if (line.startsWith('rename from ')) {
            oldPath = unquote(line.slice('rename from '.length));
            status = 'renamed';
        }
        else if (line.startsWith('rename to '))
            newPath = unquote(line.slice('rename to '.length));
        else if (line.startsWith('copy from ')) {
            oldPath = unquote(line.slice('copy from '.length));
            status = 'copied';
        }
        else if (line.startsWith('copy to '))
            newPath = unquote(line.slice('copy to '.length));
        else if (line.startsWith('--- ')) {
            const p = stripPrefix(unquote(line.slice(4)));
            if (p !== undefined)
                oldPath = p;
        }
        else if (line.startsWith('+++ ')) {
            const p = stripPrefix(unquote(line.slice(4)));
            if (p !== undefined)
                newPath = p;
        }
        else if (line.startsWith('Binary files ') || line.startsWith('GIT binary patch'))
            binary = true;
    }
    if (newPath === undefined || oldPath === undefined) {
        const fromHeader = pathsFromHeader(lines[0]);
        oldPath ??= fromHeader?.[0];
        newPath ??= fromHeader?.[1];
    }
    const path = status === 'removed' ? (oldPath ?? newPath) : (newPath ?? oldPath);
    if (path === undefined)
        return undefined;
    const hunkLines = lines.slice(i);
    while (hunkLines.length > 0 && hunkLines[hunkLines.length - 1] === '')
        hunkLines.pop();
    let additions = 0;
    let deletions = 0;
    for (const l of hunkLines) {
        if (l.startsWith('+'))
            additions++;
        else if (l.startsWith('-'))
            deletions++;
    }
    const patch = hunkLines.length > 0 ? hunkLines.join('\n') : undefined;
    return {
        path,
        ...(status === 'renamed' || status === 'copied' ? { previousPath: oldPath } : {}),
        status,
        additions,
        deletions,
        ...(patch !== undefined ? { patch } : {}),
        ...(binary ? { binary } : {}),
    };
}
/** `a/x` → `x`; `/dev/null` → undefined. */
function stripPrefix(p) {
    if (p === '/dev/null')
        return undefined;
    return p.replace(/^[ab]\//, '').replace(/\t$/, '');
}
/** The `diff --git a/x b/x` header, used when no ---/+++ lines exist (binary, mode-only, empty files). */
function pathsFromHeader(header) {
    const rest = header.slice('diff --git '.length).replace(/\r$/, '');
    if (rest.startsWith('"')) {
        const m = /^("(?:[^"\\]|\\.)*") ("(?:[^"\\]|\\.)*"|\S.*)$/.exec(rest);
        if (!m)
            return undefined;
        return [stripPrefix(unquote(m[1])) ?? '', stripPrefix(unquote(m[2])) ?? ''];
    }
    // Unquoted: both halves are the same length when the path did not change.
    const half = (rest.length - 1) / 2;
    if (Number.isInteger(half) && rest.slice(2, half) === rest.slice(half + 3)) {
        const p = rest.slice(2, half);
        return [p, p];
    }
    const m = /^a\/(.*) b\/(.*)$/.exec(rest);
    return m ? [m[1], m[2]] : undefined;
}
const ESCAPES = { n: 10, t: 9, r: 13, b: 8, f: 12, v: 11, a: 7, '"': 34, '\\': 92 };
/** Undoes git's C-style quoting of paths: `"a/caf\303\251.txt"` → `a/café.txt`. */
function unquote(p) {
    if (!p.startsWith('"') || !p.endsWith('"') || p.length < 2)
        return p;
    const bytes = [];
    const body = p.slice(1, -1);
    for (let i = 0; i < body.length; i++) {
        const ch = body[i];
        if (ch !== '\\') {
            bytes.push(...Buffer.from(ch, 'utf8'));
            continue;
        }
        const next = body[i + 1] ?? '';
        if (/[0-7]/.test(next)) {
            bytes.push(parseInt(body.slice(i + 1, i + 4), 8));
            i += 3;
        }
        else {
            bytes.push(ESCAPES[next] ?? next.charCodeAt(0));
            i += 1;
        }
    }
    return Buffer.from(bytes).toString('utf8');
}

;// CONCATENATED MODULE: ./src/core/diff/line-ranges.ts
/**
 * A set of line numbers stored as sorted, disjoint ranges: a hunk's lines are consecutive, so a whole-file
 * diff of 100,000 lines is one range rather than 100,000 set entries.
 */
class LineRanges {
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
            }
            else {
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
            const mid = (lo + hi) >> 1;
            if (line < b[2 * mid])
                hi = mid - 1;
            else if (line >= b[2 * mid + 1])
                lo = mid + 1;
            else
                return true;
        }
        return false;
    }
    *[Symbol.iterator]() {
        for (let i = 0; i < this.bounds.length; i += 2)
            for (let n = this.bounds[i]; n < this.bounds[i + 1]; n++)
                yield n;
    }
}

;// CONCATENATED MODULE: ./src/core/diff/whole-file.ts

/**
 * A whole file whose every line counts as added (`codex-hooks scan`), seen as the diff of a new file
 * without writing that diff out: the scanner reads the file's text as it is. `parsePatch(wholeFilePatch(t))`
 * describes the same lines; this skips two copies of every byte and an object per line.
 */
function parseWholeFile(content) {
    return new WholeFileView(content);
}
/** The unified diff of a new file with this content: one hunk from line 1, every line added. */
function wholeFilePatch(content) {
    const body = content.endsWith('\n') ? content.slice(0, -1) : content;
    if (content.length === 0)
        return undefined;
    return `@@ -0,0 +1,${countLines(content)} @@\n+${body.replaceAll('\n', '\n+')}`;
}
/** The patch of a file: GitHub's or git's diff, or the one its whole content stands for. */
function patchOf(file) {
    return file.patch ?? (file.content !== undefined ? wholeFilePatch(file.content) : undefined);
}
/** Lines as a diff counts them: a final newline ends the last line rather than starting another. */
function countLines(content) {
    if (content.length === 0)
        return 0;
    let lines = content.endsWith('\n') ? 0 : 1;
    for (let at = content.indexOf('\n'); at !== -1; at = content.indexOf('\n', at + 1))
        lines++;
    return lines;
}
class WholeFileView {
    content;
    addedText;
    count;
    lineRanges;
    addedLines;
    hunkList;
    constructor(content) {
        this.content = content;
        // As a diff line does, each line loses the `\r` of a CRLF ending (and a final one).
        let text = content.endsWith('\n') ? content.slice(0, -1) : content;
        if (text.includes('\r'))
            text = text.replaceAll('\r\n', '\n');
        this.addedText = text.endsWith('\r') ? text.slice(0, -1) : text;
    }
    // Counted on first use: the secret scan, which reads every file, needs only `addedText`.
    get addedCount() {
        return (this.count ??= countLines(this.content));
    }
    get commentable() {
        return (this.lineRanges ??= { right: new LineRanges([[1, this.addedCount + 1]]), left: new LineRanges([]) });
    }
    addedLineNumber(index) {
        return index + 1;
    }
    get added() {
        this.addedLines ??=
            this.addedCount === 0 ? [] : this.addedText.split('\n').map((text, i) => ({ line: i + 1, text }));
        return this.addedLines;
    }
    get hunks() {
        if (this.hunkList)
            return this.hunkList;
        const lines = this.added.map((l) => ({ kind: 'added', text: l.text, newLine: l.line }));
        this.hunkList =
            this.addedCount === 0
                ? []
                : [{ oldStart: 0, oldLines: 0, newStart: 1, newLines: this.addedCount, header: '', lines }];
        return this.hunkList;
    }
}

// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
;// CONCATENATED MODULE: ./src/adapters/git.ts


const MAX_BUFFER = 256 * 1024 * 1024;
function createGit(cwd) {
    const git = (args) => new Promise((resolve) => {
        (0,external_node_child_process_namespaceObject.execFile)('git', [...args], { cwd, maxBuffer: MAX_BUFFER, encoding: 'utf8', windowsHide: true }, (error, stdout) => resolve({ ok: !error, stdout: String(stdout) }));
    });
    return {
        async diff(base, head, paths) {
            // Without a head, the working tree (staged and unstaged changes) is compared with base.
            const revs = head === undefined ? [validRev(base)] : [validRev(base), validRev(head)];
            const args = ['-c', 'core.quotepath=false', 'diff', '--no-color', '--no-ext-diff', '-M', ...revs];
            if (paths && paths.length > 0)
                args.push('--', ...paths);
            const r = await git(args);
            return r.ok ? r.stdout : undefined;
        },
        async mergeBase(a, b) {
            const r = await git(['merge-base', validRev(a), validRev(b)]);
            return r.ok ? r.stdout.trim() : undefined;
        },
        async hasRevision(rev) {
            return (await git(['cat-file', '-e', `${validRev(rev)}^{commit}`])).ok;
        },
        async show(rev, path) {
            const r = await git(['show', `${validRev(rev)}:${path}`]);
            return r.ok ? r.stdout : undefined;
        },
        async revParse(rev) {
            const r = await git(['rev-parse', '--verify', '--quiet', `${validRev(rev)}^{commit}`]);
            return r.ok ? r.stdout.trim() : undefined;
        },
        async isWorkTree() {
            const r = await git(['rev-parse', '--is-inside-work-tree']);
            return r.ok && r.stdout.trim() === 'true';
        },
        async emptyTree() {
            const r = await git(['hash-object', '-t', 'tree', '/dev/null']);
            return r.ok ? r.stdout.trim() : undefined;
        },
    };
}
/** A revision must not look like an option: `--output=…` as a ref would be an injection. */
function validRev(rev) {
    if (rev.startsWith('-') || rev.includes('\0'))
        throw new errors/* ConfigurationError */.j1(`'${rev.slice(0, 80)}' is not a valid git revision`);
    return rev;
}

;// CONCATENATED MODULE: ./src/core/workspace-path.ts

/**
 * Resolves a path from the config or an input inside the workspace, or returns undefined when it would
 * escape it (`../../etc/passwd`, an absolute path elsewhere). Config may come from the PR itself.
 * Lexical only: `writeInWorkspace` and `readInWorkspace` also refuse symlinks on the way.
 */
function resolveInWorkspace(workspace, file) {
    const root = external_node_path_default().resolve(workspace);
    const full = external_node_path_default().resolve(root, file);
    return full === root || full.startsWith(root + (external_node_path_default()).sep) ? full : undefined;
}

;// CONCATENATED MODULE: ./src/adapters/session-changes.ts







/** New files larger than this are left to the linters' own limits, not read into memory. */
const MAX_NEW_FILE_BYTES = 1_000_000;
/**
 * The files a Codex session changed, from git: at SessionStart the checked-out commit is remembered (in the
 * user's cache folder, by a hash of the session id); at Stop the working tree is compared with it, and new
 * files git does not track yet count as added whole.
 */
function createSessionChanges(root, cacheDir, runCommand) {
    const git = createGit(root);
    const stateFile = (sessionId) => external_node_path_default().join(cacheDir, 'sessions', `${(0,external_node_crypto_namespaceObject.createHash)('sha256').update(sessionId).digest('hex').slice(0, 32)}.json`);
    return {
        async recordSessionStart(sessionId) {
            const head = await git.revParse('HEAD');
            if (head === undefined)
                return;
            try {
                (0,external_node_fs_namespaceObject.mkdirSync)(external_node_path_default().dirname(stateFile(sessionId)), { recursive: true, mode: 0o700 });
                (0,external_node_fs_namespaceObject.writeFileSync)(stateFile(sessionId), JSON.stringify({ root, head }), { mode: 0o600 });
            }
            catch {
                // Without it, Stop compares with HEAD.
            }
        },
        async sessionChanges(sessionId) {
            let base = 'HEAD';
            try {
                const start = JSON.parse((0,external_node_fs_namespaceObject.readFileSync)(stateFile(sessionId), 'utf8'));
                if (start.root === root && /^[0-9a-f]{40,64}$/.test(start.head))
                    base = start.head;
            }
            catch {
                // no recorded start: the changes since HEAD
            }
            const diff = await git.diff(base, undefined);
            const tracked = diff !== undefined ? parseGitDiff(diff) : [];
            const listed = await runCommand(['git', 'ls-files', '--others', '--exclude-standard', '-z'], {
                cwd: root,
                timeoutMs: 30_000,
            });
            const untracked = listed.exitCode === 0 ? listed.stdout.split('\0').filter((p) => p !== '') : [];
            return [...tracked, ...untracked.flatMap((p) => newFile(root, p))];
        },
    };
}
function newFile(root, relative) {
    const file = resolveInWorkspace(root, relative);
    if (file === undefined)
        return [];
    try {
        const bytes = (0,external_node_fs_namespaceObject.readFileSync)(file);
        if (bytes.length > MAX_NEW_FILE_BYTES || bytes.includes(0))
            return [];
        const content = bytes.toString('utf8');
        return [{ path: relative, status: 'added', additions: countLines(content), deletions: 0, content }];
    }
    catch {
        return [];
    }
}

;// CONCATENATED MODULE: external "node:zlib"
const external_node_zlib_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");
;// CONCATENATED MODULE: ./src/audit/envelope.ts



/**
 * How a batch of JSON lines is stored. Plain: the lines. Gzip only: one gzip member per batch, so the file
 * stays a valid .gz that `zcat` reads whole. Encrypted: one JSON line per batch, an AES-256-GCM envelope
 * (compressed first when asked: ciphertext does not compress).
 */
const AUDIT_KEY_ENV = 'CODEX_HOOKS_AUDIT_KEY';
function encodeBatch(lines, options) {
    if (!options.key)
        return options.gzip ? (0,external_node_zlib_namespaceObject.gzipSync)(lines) : Buffer.from(lines, 'utf8');
    const plain = options.gzip ? (0,external_node_zlib_namespaceObject.gzipSync)(lines) : Buffer.from(lines, 'utf8');
    const iv = (0,external_node_crypto_namespaceObject.randomBytes)(12);
    const cipher = (0,external_node_crypto_namespaceObject.createCipheriv)('aes-256-gcm', options.key, iv);
    const data = Buffer.concat([cipher.update(plain), cipher.final()]);
    const envelope = {
        codex_hooks_audit: 1,
        alg: 'AES-256-GCM',
        compression: options.gzip ? 'gzip' : 'none',
        iv: iv.toString('base64'),
        tag: cipher.getAuthTag().toString('base64'),
        data: data.toString('base64'),
    };
    return Buffer.from(`${JSON.stringify(envelope)}\n`, 'utf8');
}
/**
 * The JSON lines of a whole log file, whatever its storage: plain, gzip members, or encrypted envelopes
 * (which need the key). A tampered or wrongly keyed envelope is an error, never silently skipped.
 */
function decodeLog(file, key) {
    if (file.length === 0)
        return [];
    const text = file[0] === 0x1f && file[1] === 0x8b ? gunzipSync(file).toString('utf8') : file.toString('utf8');
    const lines = [];
    for (const line of text.split('\n')) {
        if (line.trim() === '')
            continue;
        if (!line.startsWith('{"codex_hooks_audit":')) {
            lines.push(line);
            continue;
        }
        lines.push(...decryptEnvelope(line, key));
    }
    return lines;
}
function decryptEnvelope(line, key) {
    const envelope = JSON.parse(line);
    if (!key) {
        throw new ConfigurationError(`the log is encrypted; set ${AUDIT_KEY_ENV} to the key it was written with`);
    }
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(envelope.iv, 'base64'));
    decipher.setAuthTag(Buffer.from(envelope.tag, 'base64'));
    let plain;
    try {
        plain = Buffer.concat([decipher.update(Buffer.from(envelope.data, 'base64')), decipher.final()]);
    }
    catch {
        throw new ConfigurationError(`an entry of the log cannot be decrypted: the key in ${AUDIT_KEY_ENV} is not the one it was written with, or the entry was altered`);
    }
    const text = envelope.compression === 'gzip' ? gunzipSync(plain).toString('utf8') : plain.toString('utf8');
    return text.split('\n').filter((l) => l.trim() !== '');
}
/**
 * The key from its environment variable: 32 bytes as 64 hex characters or base64. Anything else is refused,
 * so a typo never silently writes with a weak key.
 */
function readAuditKey(env, name = AUDIT_KEY_ENV) {
    const value = env[name]?.trim();
    if (!value) {
        throw new errors/* ConfigurationError */.j1(`encryption is on but ${name} is not set; set it to 32 random bytes (64 hex characters or base64), e.g. from 'openssl rand -hex 32'`);
    }
    const key = /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
    if (key.length !== 32) {
        throw new errors/* ConfigurationError */.j1(`${name} must hold 32 bytes (64 hex characters or base64); it holds ${key.length}`);
    }
    return key;
}

;// CONCATENATED MODULE: ./src/audit/logger-options.ts

/** The seed's logger options (`rotate`, `compression`, `encrypt`) as writer options. */
const MB = 1024 * 1024;
const DEFAULT_ROTATE = { max_size_mb: 100, max_files: 10 };
function auditLogOptionsFor(logger, file, env) {
    const o = logger.options ?? {};
    const rotate = o.rotate && o.rotate.enabled !== false ? o.rotate : undefined;
    return {
        path: file,
        gzip: o.compression === 'gzip' || logger.gzip === true,
        ...(rotate
            ? {
                rotate: {
                    maxBytes: (rotate.max_size_mb ?? DEFAULT_ROTATE.max_size_mb) * MB,
                    maxFiles: rotate.max_files ?? DEFAULT_ROTATE.max_files,
                },
            }
            : {}),
        ...(o.encrypt === true ? { key: readAuditKey(env, o.key_env ?? AUDIT_KEY_ENV) } : {}),
    };
}
/** `include_metadata` (default true): without it a line keeps only what the event itself is. */
function includesMetadata(logger) {
    return logger.options?.include_metadata !== false;
}

;// CONCATENATED MODULE: ./src/audit/writer.ts




function openAuditLog(options) {
    let pending = [];
    let current = Promise.resolve();
    let scheduled;
    let size;
    const writeBatch = async (lines) => {
        const data = encodeBatch(lines.join(''), {
            gzip: options.gzip === true,
            ...(options.key ? { key: options.key } : {}),
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
            scheduled = undefined;
            const lines = pending;
            pending = [];
            if (lines.length > 0)
                await writeBatch(lines);
        });
        current = scheduled;
        return scheduled;
    };
    return {
        write: (record) => {
            pending.push(`${JSON.stringify(record)}\n`);
            return flush();
        },
        flush: () => flush(),
    };
}
/** Appends records to a log in one batch: the one-shot form of openAuditLog. */
async function appendAuditRecords(options, records) {
    if (records.length === 0)
        return;
    const log = openAuditLog(options);
    await Promise.all(records.map((r) => log.write(r)));
}
async function sizeOf(path) {
    try {
        return (await (0,promises_namespaceObject.stat)(path)).size;
    }
    catch {
        return 0;
    }
}
/** `path.N-1` → `path.N` … `path` → `path.1`; beyond `maxFiles` old files are deleted. Renames never follow links. */
async function rotateFiles(path, maxFiles) {
    await (0,promises_namespaceObject.rm)(`${path}.${maxFiles}`, { force: true });
    for (let n = maxFiles - 1; n >= 1; n--) {
        await (0,promises_namespaceObject.rename)(`${path}.${n}`, `${path}.${n + 1}`).catch(ignoreMissing);
    }
    if (maxFiles >= 1)
        await (0,promises_namespaceObject.rename)(path, `${path}.1`).catch(ignoreMissing);
    else
        await (0,promises_namespaceObject.rm)(path, { force: true });
}
function ignoreMissing(error) {
    if (error.code !== 'ENOENT')
        throw error;
}
/** A symlink planted where the log goes (a pull request could) is refused, never written through. */
async function appendNoFollow(path, data) {
    await (0,promises_namespaceObject.mkdir)((0,external_node_path_namespaceObject.dirname)(path), { recursive: true });
    const handle = await (0,promises_namespaceObject.open)(path, external_node_fs_namespaceObject.constants.O_WRONLY | external_node_fs_namespaceObject.constants.O_APPEND | external_node_fs_namespaceObject.constants.O_CREAT | external_node_fs_namespaceObject.constants.O_NOFOLLOW, 0o600);
    try {
        await handle.write(data);
    }
    finally {
        await handle.close();
    }
}

// EXTERNAL MODULE: ./node_modules/minimatch/dist/esm/index.js + 8 modules
var esm = __nccwpck_require__(1138);
;// CONCATENATED MODULE: ./src/core/types.ts
/**
 * The data that flows through the pipeline. Every stage takes and returns these; nothing here
 * knows about GitHub, the runner or the network.
 */
/** Highest first: the order findings are reported and compared against `fail-on`. */
const SEVERITIES = ['error', 'warning', 'notice'];
/** Skips the user chose through include/exclude or the built-in excludes, as opposed to files that could not be reviewed. */
const FILTER_SKIP_KINDS = new Set(['not-included', 'excluded', 'built-in-exclude']);

;// CONCATENATED MODULE: ./src/core/findings/finalize.ts


/** Short, stable hash used in fingerprints and hidden comment markers. */
function shortHash(...parts) {
    const h = (0,external_node_crypto_namespaceObject.createHash)('sha256');
    for (const p of parts)
        h.update(p).update('\0');
    return h.digest('hex').slice(0, 16);
}
/**
 * Turns drafts into findings with fingerprints. Identical anchors in one file (the same line pasted twice)
 * get an occurrence counter, so both are kept and each keeps its identity across runs.
 */
function createFindings(drafts) {
    const seen = new Map();
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
            ...(d.column !== undefined ? { column: d.column } : {}),
            message: d.message,
            fingerprint,
            ...(d.redacted !== undefined ? { redacted: d.redacted } : {}),
            ...(d.title !== undefined ? { title: d.title } : {}),
            ...(d.suggestion !== undefined ? { suggestion: d.suggestion } : {}),
            source: d.source,
        };
    });
}
function normalizeAnchor(anchor) {
    return anchor.trim().replace(/\s+/g, ' ');
}
/** Keeps the first finding of each fingerprint (local findings are listed before the endpoint's). */
function dedupeFindings(findings) {
    const seen = new Set();
    const out = [];
    for (const f of findings) {
        if (seen.has(f.fingerprint))
            continue;
        seen.add(f.fingerprint);
        out.push(f);
    }
    return out;
}
function severityRank(severity) {
    return SEVERITIES.indexOf(severity);
}
/** Most severe first, then by path and line: the order of every report. */
function sortFindings(findings) {
    return [...findings].sort((a, b) => severityRank(a.severity) - severityRank(b.severity) ||
        a.path.localeCompare(b.path) ||
        a.line - b.line ||
        a.ruleId.localeCompare(b.ruleId));
}
function countBySeverity(findings) {
    const counts = { error: 0, warning: 0, notice: 0 };
    for (const f of findings)
        counts[f.severity]++;
    return counts;
}
function toReportFinding(f) {
    return {
        ruleId: f.ruleId,
        category: f.category,
        severity: f.severity,
        path: f.path,
        line: f.line,
        endLine: f.endLine,
        ...(f.column !== undefined ? { column: f.column } : {}),
        message: f.message,
        fingerprint: f.fingerprint,
        ...(f.redacted !== undefined ? { redacted: f.redacted } : {}),
    };
}
function buildJsonReport(findings, stats, conclusion, skipped = [], ai) {
    return {
        version: 1,
        findings: sortFindings(findings).map(toReportFinding),
        stats,
        conclusion,
        ...(skipped.length > 0 ? { skipped } : {}),
        ...(ai ? { ai } : {}),
    };
}

;// CONCATENATED MODULE: ./src/core/secrets/rules/define.ts
/**
 * Builders for the two common shapes of rule, so that each provider is one short, reviewable entry:
 * a token with its own prefix (`prefixed`), and a value whose provider is named next to it (`named`).
 * Example secrets come from a seeded generator: synthetic by construction, stable across runs.
 */
/** Deterministic pseudo-random strings for synthetic examples (xorshift seeded by the rule id). */
class Synth {
    state;
    constructor(seed) {
        let h = 2166136261;
        for (let i = 0; i < seed.length; i++)
            h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
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
        let out = '';
        while (out.length < n) {
            const ch = charset[this.next() % charset.length];
            // Keep examples clear of the repeated/sequential-character placeholder filter.
            const prev = out.charCodeAt(out.length - 1);
            if (out.length && Math.abs(ch.charCodeAt(0) - prev) <= 1)
                continue;
            out += ch;
        }
        return out;
    }
    hex(n) {
        return this.pick('0123456789abcdef', n);
    }
    HEX(n) {
        return this.pick('0123456789ABCDEF', n);
    }
    alnum(n) {
        return this.pick('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', n);
    }
    lower(n) {
        return this.pick('abcdefghijklmnopqrstuvwxyz0123456789', n);
    }
    upper(n) {
        return this.pick('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', n);
    }
    letters(n) {
        return this.pick('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', n);
    }
    digits(n) {
        return this.pick('0123456789', n);
    }
    b64(n) {
        return this.pick('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', n);
    }
    b64url(n) {
        return this.pick('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-', n);
    }
    uuid() {
        return `${this.hex(8)}-${this.hex(4)}-4${this.hex(3)}-a${this.hex(3)}-${this.hex(12)}`;
    }
}
/** `[dD][aA]…`: case-insensitive literal inside an otherwise case-sensitive pattern. */
function anyCase(word) {
    return word
        .split('')
        .map((ch) => {
        const lo = ch.toLowerCase();
        const up = ch.toUpperCase();
        if (lo !== up)
            return `[${lo}${up}]`;
        return ch.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
    })
        .join('');
}
function escapeLiteral(s) {
    return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
// A prefix inside a base64 blob (`…a/cio…`, `…//cio…`, `…+ghp_…`) is not the start of a token; after `://` it is.
const BEFORE = '(?:(?<=://)|(?<![A-Za-z0-9_+/]))';
const AFTER = '(?![A-Za-z0-9_])';
/** A token that carries its own, provider-specific prefix. */
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
            return (examples ??= prefixedExamples(spec));
        },
    };
}
function prefixedExamples(spec) {
    const g = new Synth(spec.id);
    const tokens = [spec.example(g)].flat();
    const first = tokens[0];
    const prefix = spec.prefixes.find((p) => first.toLowerCase().includes(p.toLowerCase())) ?? spec.prefixes[0];
    const at = first.toLowerCase().indexOf(prefix.toLowerCase());
    const head = first.slice(0, at + prefix.length);
    return {
        positive: tokens.map((t, i) => [`token: ${t}`, `export KEY="${t}"`, `{"key": "${t}"}`][i % 3]),
        negative: [
            `${head}${'x'.repeat(Math.max(8, first.length - head.length))}`,
            `${head}EXAMPLE`,
            head.length + 8 < first.length ? first.slice(0, head.length + 4) : first.slice(4),
            ...(spec.negative ?? []),
        ],
    };
}
/**
 * A value with no prefix of its own, recognised because the provider is named in the key before it:
 * `DATADOG_API_KEY=…`, `"twilio_auth_token": "…"`, `heroku.api_key: …`.
 */
function named(spec) {
    const names = spec.names.map(anyCase).join('|');
    let examples;
    return {
        id: spec.id,
        provider: spec.provider,
        description: spec.description,
        keywords: spec.names.map((n) => n.toLowerCase()),
        pattern: new RegExp(`(?:${names})[A-Za-z0-9_.-]{0,32}["']?\\s{0,3}(?:=>|:=|=|:)\\s{0,3}["'\`]?(${spec.value})(?![A-Za-z0-9_+/=-])`),
        secretGroup: 1,
        specificity: 2,
        entropy: spec.entropy ?? 2.8,
        ...optional(spec),
        get examples() {
            return (examples ??= namedExamples(spec));
        },
    };
}
function namedExamples(spec) {
    const value = spec.example(new Synth(spec.id));
    const name = spec.names[0].toUpperCase().replace(/[^A-Z0-9]+/g, '_');
    return {
        positive: [`${name}_KEY=${value}`],
        negative: [
            `${name}_KEY=${value.slice(0, Math.floor(value.length / 2))}`,
            `${name}_KEY=\${${name}_KEY}`,
            `${name}_KEY: ${'x'.repeat(value.length)}`,
            ...(spec.negative ?? []),
        ],
    };
}
function optional(spec) {
    return {
        ...(spec.severity ? { severity: spec.severity } : {}),
        ...(spec.entropy !== undefined ? { entropy: spec.entropy } : {}),
        ...(spec.validate ? { validate: spec.validate } : {}),
        ...(spec.placeholderFilter === false ? { placeholderFilter: false } : {}),
        ...(spec.window ? { window: spec.window } : {}),
    };
}

/** Value charsets of the keyed rules, by a one-letter code (`h32` = 32 lower-case hex). */
const CHARSETS = {
    h: { re: '[a-f0-9]', gen: (g, n) => g.hex(n) },
    H: { re: '[A-F0-9]', gen: (g, n) => g.HEX(n) },
    l: { re: '[a-z0-9]', gen: (g, n) => g.lower(n) },
    u: { re: '[A-Z0-9]', gen: (g, n) => g.upper(n) },
    a: { re: '[A-Za-z0-9]', gen: (g, n) => g.alnum(n) },
    w: { re: '[A-Za-z0-9_-]', gen: (g, n) => g.b64url(n) },
    b: { re: '[A-Za-z0-9+/]', gen: (g, n) => g.b64(n) },
};
const UUID_RE = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
/** A value that follows a key naming an identifier, a name or a place is not the secret. */
const ID_KEY = /(?:_id|Id|ID|-id|name|url|uri|host|user(?:name)?|email|region|endpoint|account)["'`]?\s{0,3}(?:=>|:=|=|:)\s{0,3}["'`]?$/;
/** Words before a hex value that make it a digest or a version, not a credential. */
const DIGEST_CONTEXT = /hash|sha\d|md5|digest|checksum|commit|integrity|etag|version|revision|[#@/]$/i;
/** UUID-shaped values are ids unless a secret word sits between the keyword and the value. */
const SECRET_WORD = /key|token|secret|pass|auth|cred|bearer/i;
function parseKeyedValue(v) {
    if (typeof v !== 'string')
        return { ...v, hexLike: false, min: 0 };
    if (v === 'uuid')
        return { re: UUID_RE, example: (g) => g.uuid(), hexLike: true, min: 36 };
    const m = /^([hHluawb])(\d+)(?:-(\d+))?$/.exec(v);
    if (!m)
        throw new Error(`bad keyed value ${v}`);
    const cs = CHARSETS[m[1]];
    const min = Number(m[2]);
    const max = m[3] ? Number(m[3]) : min;
    const pad = m[1] === 'b' ? '={0,2}' : '';
    return {
        re: `${cs.re}{${min},${max}}${pad}`,
        example: (g) => cs.gen(g, Math.round((min + max) / 2)),
        hexLike: m[1] === 'h' || m[1] === 'H',
        min,
    };
}
function slug(s) {
    return s
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '');
}
/**
 * The long tail: a provider whose token is a plain character class, recognised only because the provider
 * is named close before it (on its line, or the line above as a parent YAML key) (`ABSTRACT_API_KEY=…`, `"abstract": {"key": "…"}`, `abstract key: …`). The
 * keyword must come at most 40 characters before the value; the value needs letters and digits, an
 * entropy floor, and must not read as a digest, an id or a version.
 */
function keyed(row) {
    const id = row.id ?? `${slug(row.provider)}-key`;
    const g = new Synth(id);
    const v = parseKeyedValue(row.value);
    let value = v.example(g);
    // A real key of these charsets has letters and digits; draw again until the example has both.
    while (!/[0-9]/.test(value) || !/[A-Za-z]/.test(value))
        value = v.example(g);
    const kw = row.keywords[0];
    const env = kw.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
    const keywords = row.keywords.map(anyCase).join('|');
    const isUuid = row.value === 'uuid';
    return {
        id,
        provider: row.provider,
        description: row.description ?? `${row.provider} credential named next to its value`,
        keywords: row.keywords.map((k) => k.toLowerCase()),
        pattern: new RegExp(`(?:${keywords})([\\s\\S]{0,40}?)(?<![A-Za-z0-9_+/-])(${v.re})(?![A-Za-z0-9_+/-]|=[A-Za-z0-9])`),
        secretGroup: 2,
        specificity: 2,
        entropy: v.min >= 24 ? 3 : 2.6,
        validate: (secret, match) => {
            const between = match.slice(0, match.length - secret.length);
            if (!/[0-9]/.test(secret) || !/[A-Za-z]/.test(secret))
                return false;
            if (ID_KEY.test(between))
                return false;
            if (v.hexLike && DIGEST_CONTEXT.test(between))
                return false;
            if (isUuid && !SECRET_WORD.test(between.slice(kw.length)))
                return false;
            return true;
        },
        window: { before: 0, after: 140 },
        examples: {
            positive: [`# ${kw} token: "${value}"`, `{"${kw}": {"key": "${value}"}}`],
            negative: [
                `${env}_API_KEY=${value.slice(0, Math.max(4, v.min - 1))}`,
                `${env}_API_KEY=${'x'.repeat(value.length)}`,
                `${kw}\n${'#'.repeat(50)}\n${value}`,
                ...(v.hexLike ? [`${kw} commit ${value}`] : []),
            ],
        },
    };
}

;// CONCATENATED MODULE: ./src/core/secrets/rules/ai.ts

/** AI and ML platforms. */
const AI_RULES = [
    prefixed({
        id: 'openai-api-key',
        provider: 'OpenAI',
        description: 'OpenAI API key (contains the T3BlbkFJ marker)',
        prefixes: ['t3blbkfj'],
        token: 'sk-(?:(?:proj|svcacct|admin|None)-)?[A-Za-z0-9_-]{20,156}T3BlbkFJ[A-Za-z0-9_-]{20,156}',
        example: (g) => [
            'sk-proj-' + g.b64url(74) + 'T3BlbkFJ' + g.b64url(74),
            'sk-' + g.alnum(20) + 'T3BlbkFJ' + g.alnum(20),
        ],
        window: { before: 180, after: 180 },
    }),
    prefixed({
        id: 'anthropic-api-key',
        provider: 'Anthropic',
        description: 'Anthropic API or admin key',
        prefixes: ['sk-ant-'],
        token: 'sk-ant-(?:api|admin)[0-9]{2}-[A-Za-z0-9_-]{80,100}',
        example: (g) => 'sk-ant-api03-' + g.b64url(93) + 'AA',
    }),
    prefixed({
        id: 'huggingface-token',
        provider: 'Hugging Face',
        description: 'Hugging Face user or organization token',
        prefixes: ['hf_', 'api_org_'],
        token: '(?:hf_|api_org_)[A-Za-z]{34}',
        example: (g) => 'hf_' + g.letters(34),
    }),
    named({
        id: 'cohere-api-key',
        provider: 'Cohere',
        description: 'Cohere API key',
        names: ['cohere', 'co_api_key'],
        value: '[A-Za-z0-9]{40}',
        entropy: 4,
        example: (g) => g.alnum(40),
    }),
    prefixed({
        id: 'replicate-api-token',
        provider: 'Replicate',
        description: 'Replicate API token',
        prefixes: ['r8_'],
        token: 'r8_[A-Za-z0-9]{37}',
        example: (g) => 'r8_' + g.alnum(37),
    }),
    prefixed({
        id: 'groq-api-key',
        provider: 'Groq',
        description: 'Groq API key',
        prefixes: ['gsk_'],
        token: 'gsk_[A-Za-z0-9]{52}',
        example: (g) => 'gsk_' + g.alnum(52),
    }),
    prefixed({
        id: 'perplexity-api-key',
        provider: 'Perplexity',
        description: 'Perplexity API key',
        prefixes: ['pplx-'],
        token: 'pplx-[A-Za-z0-9]{48}',
        example: (g) => 'pplx-' + g.alnum(48),
    }),
    prefixed({
        id: 'xai-api-key',
        provider: 'xAI',
        description: 'xAI (Grok) API key',
        prefixes: ['xai-'],
        token: 'xai-[A-Za-z0-9]{80}',
        example: (g) => 'xai-' + g.alnum(80),
    }),
    prefixed({
        id: 'openrouter-api-key',
        provider: 'OpenRouter',
        description: 'OpenRouter API key',
        prefixes: ['sk-or-v1-'],
        token: 'sk-or-v1-[a-f0-9]{64}',
        example: (g) => 'sk-or-v1-' + g.hex(64),
    }),
    prefixed({
        id: 'langsmith-api-key',
        provider: 'LangChain',
        description: 'LangSmith API key',
        prefixes: ['lsv2_'],
        token: 'lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}',
        example: (g) => 'lsv2_pt_' + g.hex(32) + '_' + g.hex(10),
    }),
    prefixed({
        id: 'pinecone-api-key',
        provider: 'Pinecone',
        description: 'Pinecone API key',
        prefixes: ['pcsk_'],
        token: 'pcsk_[A-Za-z0-9]{4,8}_[A-Za-z0-9]{60,72}',
        example: (g) => 'pcsk_' + g.alnum(6) + '_' + g.alnum(65),
    }),
    named({
        id: 'mistral-api-key',
        provider: 'Mistral AI',
        description: 'Mistral AI API key',
        names: ['mistral'],
        value: '[A-Za-z0-9]{32}',
        entropy: 4,
        example: (g) => g.alnum(32),
    }),
    named({
        id: 'deepseek-api-key',
        provider: 'DeepSeek',
        description: 'DeepSeek API key',
        names: ['deepseek'],
        value: 'sk-[a-f0-9]{32}',
        example: (g) => 'sk-' + g.hex(32),
    }),
    named({
        id: 'together-api-key',
        provider: 'Together AI',
        description: 'Together AI API key',
        names: ['together_api', 'togetherai'],
        value: '(?:tgp_v1_[A-Za-z0-9_-]{43}|[a-f0-9]{64})',
        example: (g) => g.hex(64),
    }),
    named({
        id: 'elevenlabs-api-key',
        provider: 'ElevenLabs',
        description: 'ElevenLabs API key',
        names: ['elevenlabs', 'xi_api_key', 'xi-api-key'],
        value: '(?:sk_)?[a-f0-9]{32,48}',
        example: (g) => 'sk_' + g.hex(48),
    }),
    named({
        id: 'assemblyai-api-key',
        provider: 'AssemblyAI',
        description: 'AssemblyAI API key',
        names: ['assemblyai', 'assembly_ai'],
        value: '[a-f0-9]{32}',
        example: (g) => g.hex(32),
    }),
    named({
        id: 'stability-api-key',
        provider: 'Stability AI',
        description: 'Stability AI API key',
        names: ['stability'],
        value: 'sk-[A-Za-z0-9]{48}',
        example: (g) => 'sk-' + g.alnum(48),
    }),
    named({
        id: 'fireworks-api-key',
        provider: 'Fireworks AI',
        description: 'Fireworks AI API key',
        names: ['fireworks'],
        value: 'fw_[A-Za-z0-9]{24}',
        example: (g) => 'fw_' + g.alnum(24),
    }),
    named({
        id: 'weights-and-biases-key',
        provider: 'Weights & Biases',
        description: 'Weights & Biases API key',
        names: ['wandb'],
        value: '[a-f0-9]{40}',
        example: (g) => g.hex(40),
    }),
    prefixed({
        id: 'tavily-api-key',
        provider: 'Tavily',
        description: 'Tavily API key',
        prefixes: ['tvly-'],
        token: 'tvly-(?:dev-|prod-)?[A-Za-z0-9]{32}',
        example: (g) => 'tvly-dev-' + g.alnum(32),
    }),
];

;// CONCATENATED MODULE: ./src/core/secrets/rules/cloud.ts

/** Cloud platforms: AWS, Google Cloud, Azure, Alibaba, IBM, Tencent and hosting clouds. */
const CLOUD_RULES = [
    prefixed({
        id: 'aws-access-key-id',
        provider: 'AWS',
        description: 'AWS access key ID',
        prefixes: ['akia', 'asia', 'abia', 'acca'],
        // IAM unique-ID prefixes that name a credential: AKIA access key, ASIA temporary (STS) key, ABIA STS
        // bearer token, ACCA context-specific credential. AIDA (user), AROA (role), AGPA (group) and the other
        // prefixes name entities, not credentials. The 16 characters after the prefix are base32 (A-Z, 2-7).
        token: '(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}',
        example: (g) => 'AKIA' + g.pick('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16),
        negative: ['AKIAIOSFODNN7EXAMPLE', 'AKIA1234', 'UserId: AIDAJQABLZS4A3QDU576Q'],
    }),
    {
        id: 'aws-secret-access-key',
        provider: 'AWS',
        description: 'AWS secret access key',
        keywords: ['aws_secret', 'aws-secret', 'secret_access_key', 'secretaccesskey', 'aws_secret_access_key'],
        pattern: new RegExp(`(?:${['aws_secret', 'aws-secret', 'secret_access_key', 'secretaccesskey'].map(anyCase).join('|')})[A-Za-z0-9_.-]{0,24}["']?\\s{0,3}(?:=>|:=|=|:)\\s{0,3}["'\`]?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])`),
        secretGroup: 1,
        entropy: 4.0,
        specificity: 2,
        examples: {
            positive: ['aws_secret_access_key = q7Rk2Lm9Vw3ZpT6yBn4HcD7sE1aGu5Kio8Nf0Jh2'],
            negative: [
                'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
                'aws_secret_access_key = ${AWS_SECRET}',
            ],
        },
    },
    prefixed({
        id: 'gcp-api-key',
        provider: 'Google Cloud',
        description: 'Google API key',
        prefixes: ['aiza'],
        token: 'AIza[A-Za-z0-9_-]{35}',
        example: (g) => 'AIza' + g.b64url(35),
    }),
    {
        id: 'gcp-service-account-key',
        provider: 'Google Cloud',
        description: 'Google Cloud service account key (JSON key file: private_key_id then private_key)',
        keywords: ['private_key_id'],
        // The key ID (40 hex) is an identifier that the console and `gcloud iam service-accounts keys list` show;
        // it is reported only when the private key follows it, as in the key files Google generates.
        pattern: /"private_key_id"\s{0,3}:\s{0,3}"([a-f0-9]{40})"\s{0,3},\s{0,40}"private_key"\s{0,3}:\s{0,3}"-----BEGIN /,
        secretGroup: 1,
        entropy: 3.2,
        specificity: 2,
        examples: {
            positive: [
                `{"type": "service_account", "private_key_id": "3f9a1c7e5b2d8a4f6c0e9b1d7a3f5c8e2b6d4a0f",\n  "private_key": "-----BEGIN PRIVATE KEY-----\\n${new Synth('gcp-service-account-key').b64(64)}\\n-----END PRIVATE KEY-----\\n"}`,
            ],
            negative: [
                '{"private_key_id": "abc"}',
                '{"type": "service_account", "private_key_id": "3f9a1c7e5b2d8a4f6c0e9b1d7a3f5c8e2b6d4a0f", "private_key": "<redacted>"}',
            ],
        },
    },
    prefixed({
        id: 'gcp-oauth-client-secret',
        provider: 'Google Cloud',
        description: 'Google OAuth client secret',
        prefixes: ['gocspx-'],
        token: 'GOCSPX-[A-Za-z0-9_-]{28}',
        example: (g) => 'GOCSPX-' + g.b64url(28),
    }),
    prefixed({
        id: 'gcp-oauth-access-token',
        provider: 'Google Cloud',
        description: 'Google OAuth access token',
        prefixes: ['ya29.'],
        // Google: access tokens are up to 2048 bytes. Service-account tokens carry one more dotted part
        // (`ya29.c.…`); a trailing run of `.` padding, when present, is not part of the match.
        token: 'ya29\\.(?:[A-Za-z]\\.)?[A-Za-z0-9_-]{40,2043}',
        example: (g) => ['ya29.' + g.b64url(120), 'ya29.c.' + g.b64url(1000)],
        window: { before: 20, after: 2100 },
    }),
    {
        id: 'azure-storage-account-key',
        provider: 'Microsoft Azure',
        description: 'Azure storage account key in a connection string',
        keywords: ['accountkey='],
        pattern: /[Aa]ccount[Kk]ey=([A-Za-z0-9+/]{86}==)/,
        secretGroup: 1,
        entropy: 4.5,
        specificity: 3,
        examples: {
            positive: [
                `DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=${new Synth('azure-storage').b64(86)}==;EndpointSuffix=core.windows.net`,
            ],
            negative: [
                'AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='.replace(/[A-Za-z]/g, 'x'),
            ],
        },
    },
    prefixed({
        id: 'azure-service-bus-key',
        provider: 'Microsoft Azure',
        description: 'Azure Service Bus / Event Hubs shared access key',
        prefixes: ['sharedaccesskey='],
        token: 'SharedAccessKey=[A-Za-z0-9+/]{43}=',
        example: (g) => 'SharedAccessKey=' + g.b64(43) + '=',
    }),
    {
        id: 'azure-ad-client-secret',
        provider: 'Microsoft Entra ID',
        description: 'Azure AD / Entra ID application client secret',
        keywords: ['q~'],
        pattern: /(?<![A-Za-z0-9_~.-])([A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34})(?![A-Za-z0-9_~.-])/,
        secretGroup: 1,
        entropy: 3.5,
        specificity: 3,
        examples: {
            positive: ['AZURE_CLIENT_SECRET=Xa38Q~kT2mZp9LwVb7Rc1Qn5Hd8Gf3Js6Ye0Ua4'],
            negative: ['path ~/Q~ab'],
        },
    },
    named({
        id: 'azure-devops-pat',
        provider: 'Azure DevOps',
        description: 'Azure DevOps personal access token',
        names: ['azure_devops', 'ado_pat', 'azdo', 'system_accesstoken'],
        value: '[a-z2-7]{52}',
        example: (g) => g.pick('abcdefghijklmnopqrstuvwxyz234567', 52),
    }),
    prefixed({
        id: 'alibaba-access-key-id',
        provider: 'Alibaba Cloud',
        description: 'Alibaba Cloud AccessKey ID',
        prefixes: ['ltai'],
        token: 'LTAI[A-Za-z0-9]{12,20}',
        example: (g) => 'LTAI' + g.alnum(20),
    }),
    named({
        id: 'alibaba-access-key-secret',
        provider: 'Alibaba Cloud',
        description: 'Alibaba Cloud AccessKey secret',
        names: ['alibaba', 'aliyun', 'alicloud'],
        value: '[A-Za-z0-9]{30}',
        entropy: 3.8,
        example: (g) => g.alnum(30),
    }),
    named({
        id: 'ibm-cloud-api-key',
        provider: 'IBM Cloud',
        description: 'IBM Cloud IAM API key',
        names: ['ibm_cloud', 'ibmcloud', 'ibm_api', 'ibm-cloud', 'ic_api_key', 'iam_apikey'],
        value: '[A-Za-z0-9_-]{44}',
        entropy: 4,
        example: (g) => g.b64url(44),
    }),
    prefixed({
        id: 'tencent-secret-id',
        provider: 'Tencent Cloud',
        description: 'Tencent Cloud SecretId',
        prefixes: ['akid'],
        token: 'AKID[A-Za-z0-9]{32}',
        example: (g) => 'AKID' + g.alnum(32),
    }),
    prefixed({
        id: 'digitalocean-token',
        provider: 'DigitalOcean',
        description: 'DigitalOcean personal, OAuth or refresh token',
        prefixes: ['dop_v1_', 'doo_v1_', 'dor_v1_'],
        token: 'do[por]_v1_[a-f0-9]{64}',
        example: (g) => 'dop_v1_' + g.hex(64),
    }),
    prefixed({
        id: 'heroku-api-key',
        provider: 'Heroku',
        description: 'Heroku platform API key',
        prefixes: ['hrku-'],
        token: 'HRKU-[A-Za-z0-9_-]{60}',
        example: (g) => 'HRKU-AA' + g.b64url(58),
    }),
    named({
        id: 'heroku-legacy-api-key',
        provider: 'Heroku',
        description: 'Heroku legacy API key (UUID next to a Heroku name)',
        names: ['heroku'],
        value: '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}',
        example: (g) => g.uuid(),
    }),
    prefixed({
        id: 'flyio-token',
        provider: 'Fly.io',
        description: 'Fly.io access token',
        prefixes: ['fo1_', 'fm1r_', 'fm1a_', 'fm2_'],
        token: '(?:fo1_[A-Za-z0-9_-]{43}|fm[12][ar]?_[A-Za-z0-9+/_=-]{100,800})',
        example: (g) => 'fo1_' + g.b64url(43),
        window: { before: 20, after: 900 },
    }),
    prefixed({
        id: 'vercel-token',
        provider: 'Vercel',
        description: 'Vercel access token (prefixed format)',
        prefixes: ['vcp_', 'vci_', 'vca_', 'vcr_', 'vck_'],
        // Prefixes from Vercel's changelog ("new token formats"); the length is not published, so a range.
        token: 'vc[piark]_[A-Za-z0-9]{24,64}',
        entropy: 3.5,
        validate: (s) => /[0-9]/.test(s),
        example: (g) => ['vcp_' + g.alnum(56), 'vca_' + g.alnum(40)],
        negative: ['vcp_localeDisplayNameForRegion'],
    }),
    named({
        id: 'vercel-legacy-token',
        provider: 'Vercel',
        description: 'Vercel token next to a Vercel name',
        names: ['vercel'],
        value: '[A-Za-z0-9]{24}',
        entropy: 3.8,
        example: (g) => g.alnum(24),
    }),
    prefixed({
        id: 'netlify-token',
        provider: 'Netlify',
        description: 'Netlify access token',
        prefixes: ['nfp_', 'nfc_', 'nfo_', 'nfu_', 'nfb_'],
        token: 'nf[pcoub]_[A-Za-z0-9]{36}',
        example: (g) => 'nfp_' + g.alnum(36),
    }),
    named({
        id: 'cloudflare-api-token',
        provider: 'Cloudflare',
        description: 'Cloudflare API token or global API key',
        names: ['cloudflare', 'cf_api', 'cf_auth'],
        value: '(?:[A-Za-z0-9_-]{40}|[a-f0-9]{37})',
        entropy: 3.5,
        example: (g) => g.b64url(40),
    }),
    prefixed({
        id: 'cloudflare-origin-ca-key',
        provider: 'Cloudflare',
        description: 'Cloudflare Origin CA key',
        prefixes: ['v1.0-'],
        token: 'v1\\.0-[a-f0-9]{24}-[a-f0-9]{146}',
        example: (g) => 'v1.0-' + g.hex(24) + '-' + g.hex(146),
    }),
    named({
        id: 'linode-token',
        provider: 'Linode',
        description: 'Linode (Akamai) API token',
        names: ['linode'],
        value: '[a-f0-9]{64}',
        example: (g) => g.hex(64),
    }),
    named({
        id: 'vultr-api-key',
        provider: 'Vultr',
        description: 'Vultr API key',
        names: ['vultr'],
        value: '[A-Z0-9]{36}',
        entropy: 3.8,
        example: (g) => g.upper(36),
    }),
    named({
        id: 'hetzner-token',
        provider: 'Hetzner',
        description: 'Hetzner Cloud API token',
        names: ['hcloud', 'hetzner'],
        value: '[A-Za-z0-9]{64}',
        entropy: 4,
        example: (g) => g.alnum(64),
    }),
    named({
        id: 'scaleway-secret-key',
        provider: 'Scaleway',
        description: 'Scaleway secret key',
        names: ['scaleway', 'scw_secret'],
        value: '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
        example: (g) => g.uuid(),
    }),
    named({
        id: 'oracle-cloud-key',
        provider: 'Oracle Cloud',
        description: 'Oracle Cloud auth token next to an OCI name',
        names: ['oci_auth', 'oracle_cloud', 'oci_api'],
        value: '[A-Za-z0-9+/:;.()<>{}_-]{20}',
        entropy: 3.8,
        example: (g) => g.alnum(20),
    }),
    prefixed({
        id: 'render-api-key',
        provider: 'Render',
        description: 'Render API key',
        prefixes: ['rnd_'],
        token: 'rnd_[A-Za-z0-9]{32}',
        example: (g) => 'rnd_' + g.alnum(32),
    }),
    named({
        id: 'railway-token',
        provider: 'Railway',
        description: 'Railway API token',
        names: ['railway_token', 'railway_api'],
        value: '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
        example: (g) => g.uuid(),
    }),
    prefixed({
        id: 'deno-deploy-token',
        provider: 'Deno Deploy',
        description: 'Deno Deploy access token',
        prefixes: ['ddp_', 'ddw_'],
        token: 'dd[pw]_[A-Za-z0-9]{36}',
        example: (g) => 'ddp_' + g.alnum(36),
    }),
    named({
        id: 'upstash-token',
        provider: 'Upstash',
        description: 'Upstash REST token',
        names: ['upstash'],
        value: '[A-Za-z0-9_=-]{60,100}',
        entropy: 4,
        example: (g) => 'AX' + g.b64url(70),
    }),
    keyed({
        id: 'azure-storage-key-named',
        provider: 'Microsoft Azure',
        description: 'Azure storage account or Cosmos DB key named by its service, outside a connection string',
        keywords: [
            'azure_storage',
            'azurestorage',
            'storage_account',
            'storageaccount',
            'storage-account',
            'cosmos',
            'blob_key',
            'primarykey',
            'primary_key',
        ],
        value: { re: '[A-Za-z0-9+/]{86}==', example: (g) => g.b64(86) + '==' },
    }),
    {
        id: 'azure-sas-token',
        provider: 'Microsoft Azure',
        description: 'Azure shared access signature (sig=) with its service version and expiry',
        keywords: ['sig='],
        // A SAS is a query string: `sig=` after a service version, expiry or permission field of the same query.
        pattern: /[?&;=](?:sv|se|sp|sr|st|spr|srt|ss)=[^\s"'<>?]{1,300}?&sig=([A-Za-z0-9%+/]{40,120}(?:%3[Dd]|=){0,2})(?![A-Za-z0-9%+/=])/,
        secretGroup: 1,
        entropy: 4,
        specificity: 3,
        window: { before: 420, after: 540 },
        examples: {
            positive: [
                `https://acme.blob.core.windows.net/backups?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2026-12-31T00:00:00Z&spr=https&sig=${new Synth('azure-sas').b64(43)}%3D`,
                `BlobEndpoint=https://acme.blob.core.windows.net/;SharedAccessSignature=sv=2021-08-06&se=2026-01-01&sig=${new Synth('azure-sas2').b64(43)}%3D`,
            ],
            negative: [
                'https://acme.blob.core.windows.net/c?sv=2022-11-02&sig=<signature>',
                'const q = "?sig=" + signature + "&sv=2022-11-02";',
            ],
        },
    },
    {
        id: 'azure-entra-refresh-token',
        provider: 'Microsoft Entra ID',
        description: 'Microsoft Entra ID (Azure AD) refresh token',
        keywords: ['refresh_token', 'refreshtoken', 'refresh-token'],
        pattern: /refresh[_-]?token["']?\s{0,3}[:=]\s{0,3}["']?(0\.A[A-Za-z0-9_.*-]{100,6000})/i,
        secretGroup: 1,
        entropy: 4,
        specificity: 3,
        window: { before: 10, after: 6200 },
        examples: {
            positive: [`"refresh_token": "0.AXoA${new Synth('entra-rt').b64url(300)}.${new Synth('entra-rt2').b64url(80)}"`],
            negative: ['"refresh_token": "0.AXoA..."'],
        },
    },
    keyed({
        id: 'azure-openai-key',
        provider: 'Microsoft Azure',
        description: 'Azure OpenAI / AI services (Cognitive Services) / AI Search key',
        keywords: [
            'azure_openai',
            'azureopenai',
            'azure-openai',
            'openai.azure.com',
            'cognitive',
            'ocp-apim-subscription-key',
            'azure_ai',
            'azure_search',
            'search.windows.net',
            'api-key',
        ],
        value: { re: '(?:[a-f0-9]{32}|[A-Za-z0-9]{52}|[A-Za-z0-9]{84})', example: (g) => g.hex(32) },
    }),
    prefixed({
        id: 'azure-container-registry-password',
        provider: 'Microsoft Azure',
        description: 'Azure Container Registry password or token (+ACR marker)',
        prefixes: ['+acr'],
        token: '[A-Za-z0-9+/]{42}\\+ACR[A-Za-z0-9]{6}',
        example: (g) => g.b64(42) + '+ACR' + g.alnum(6),
    }),
    {
        id: 'azure-redis-connection-string',
        provider: 'Microsoft Azure',
        description: 'Azure Cache for Redis connection string with its access key',
        keywords: ['redis.cache.windows.net', 'redis.azure.net'],
        pattern: /\.redis\.(?:cache\.windows|azure)\.net(?::\d{2,5})?,[^\n"']{0,80}?password=([A-Za-z0-9+/]{43}=)/i,
        secretGroup: 1,
        entropy: 4,
        specificity: 3,
        window: { before: 80, after: 200 },
        examples: {
            positive: [
                `REDIS=acme.redis.cache.windows.net:6380,password=${new Synth('azure-redis').b64(43)}=,ssl=True,abortConnect=False`,
            ],
            negative: ['acme.redis.cache.windows.net:6380,password=<access-key>,ssl=True'],
        },
    },
    prefixed({
        id: 'cloudflare-prefixed-token',
        provider: 'Cloudflare',
        description: 'Cloudflare user/account API token or API key with the cfut_/cfat_/cfk_ prefix',
        prefixes: ['cfut_', 'cfat_', 'cfk_'],
        token: 'cf(?:ut|at|k)_[A-Za-z0-9]{40}[a-f0-9]{8}',
        entropy: 3.8,
        example: (g) => 'cfut_' + g.alnum(40) + g.hex(8),
    }),
];

;// CONCATENATED MODULE: ./src/core/secrets/checksum.ts
/**
 * GitHub's 2021 token format (ghp_, gho_, ghu_, ghs_, ghr_) and npm's (npm_) end in 6 characters that
 * are the CRC32 of the 30-character random body, base62-encoded (0-9A-Za-z) and left-padded with `0`.
 * A wrong checksum means the string is not a token GitHub or npm issued, so the match is dropped.
 */
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const CRC_TABLE = (() => {
    const table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
        let c = n;
        for (let k = 0; k < 8; k++)
            c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
        table[n] = c >>> 0;
    }
    return table;
})();
function checksum_crc32(text) {
    let crc = 0xffffffff;
    for (let i = 0; i < text.length; i++)
        crc = CRC_TABLE[(crc ^ text.charCodeAt(i)) & 0xff] ^ (crc >>> 8);
    return (crc ^ 0xffffffff) >>> 0;
}
function checksum_encodeBase62(value, width) {
    let out = '';
    let n = value;
    while (n > 0) {
        out = BASE62[n % 62] + out;
        n = Math.floor(n / 62);
    }
    return out.padStart(width, '0');
}
/** True when `token` is `<prefix>_<30 chars><crc32 base62, 6 chars>`. */
function hasValidBase62Checksum(token) {
    const underscore = token.indexOf('_');
    const body = token.slice(underscore + 1);
    if (body.length !== 36)
        return false;
    return checksum_encodeBase62(checksum_crc32(body.slice(0, 30)), 6) === body.slice(30);
}
/** Builds a well-formed synthetic token (for examples and tests): `prefix` + body + its checksum. */
function withBase62Checksum(prefix, body30) {
    return prefix + body30 + checksum_encodeBase62(checksum_crc32(body30), 6);
}
/**
 * Atlassian API tokens (`ATATT3…`) end in `=` and 8 hex digits: the CRC32 of everything before those 8
 * digits, `=` included, as big-endian hex. Not documented by Atlassian; the samples in Datadog's
 * sensitive-data-scanner tests and in gitleaks' rule verify, and Datadog's scanner checks it the same way.
 */
function hasValidHexCrc32Suffix(token) {
    const suffix = token.slice(-8);
    if (!/^[0-9A-Fa-f]{8}$/.test(suffix))
        return false;
    return checksum_crc32(token.slice(0, -8)) === parseInt(suffix, 16);
}
/** Builds a well-formed synthetic token: `head` followed by the upper-case hex CRC32 of `head`. */
function withHexCrc32Suffix(head) {
    return head + checksum_crc32(head).toString(16).toUpperCase().padStart(8, '0');
}

;// CONCATENATED MODULE: ./src/core/access-token.ts

/**
 * The endpoint's programmatic access tokens: `cdxhk_`, 256 random bits in base62 (43 characters), then the
 * CRC32 of those 43 characters in base62 (6), like GitHub's tokens. The prefix lets secret scanners (ours
 * included) find a leaked token; the checksum lets them tell a real one from a look-alike without a lookup.
 * Pure: the random bytes come from the caller.
 */
const ACCESS_TOKEN_PREFIX = 'cdxhk_';
const BODY_LENGTH = 43;
const access_token_BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** `random` must be 32 bytes from a CSPRNG. */
function formatAccessToken(random) {
    if (random.length !== 32)
        throw new Error('an access token needs 32 random bytes');
    let n = 0n;
    for (const byte of random)
        n = (n << 8n) | BigInt(byte);
    let body = '';
    while (n > 0n) {
        body = access_token_BASE62[Number(n % 62n)] + body;
        n /= 62n;
    }
    body = body.padStart(BODY_LENGTH, '0');
    return `${ACCESS_TOKEN_PREFIX}${body}${encodeBase62(crc32(body), 6)}`;
}
/** The shape and the checksum; says nothing about whether the token is issued or valid. */
function isWellFormedAccessToken(token) {
    if (!token.startsWith(ACCESS_TOKEN_PREFIX))
        return false;
    const rest = token.slice(ACCESS_TOKEN_PREFIX.length);
    if (!/^[0-9A-Za-z]{49}$/.test(rest))
        return false;
    return checksum_encodeBase62(checksum_crc32(rest.slice(0, BODY_LENGTH)), 6) === rest.slice(BODY_LENGTH);
}
/** A well-formed token from a 43-character body (synthetic examples and tests). */
function withAccessTokenChecksum(body43) {
    return `${ACCESS_TOKEN_PREFIX}${body43}${checksum_encodeBase62(checksum_crc32(body43), 6)}`;
}

;// CONCATENATED MODULE: ./src/core/secrets/rules/code-hosting.ts



/** GitHub, GitLab, Bitbucket, Atlassian and other developer platforms and CI services. */
const CODE_HOSTING_RULES = [
    prefixed({
        id: 'github-token',
        provider: 'GitHub',
        description: 'GitHub personal, OAuth, app or refresh token (CRC32-checked)',
        prefixes: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'],
        token: 'gh[pousr]_[A-Za-z0-9]{36}',
        // The last 6 characters are the base62 CRC32 of the 30-character body (GitHub's 2021 format).
        validate: hasValidBase62Checksum,
        example: (g) => [withBase62Checksum('ghp_', g.alnum(30)), withBase62Checksum('ghs_', g.alnum(30))],
        negative: ['ghp_R8fJk2LmQ9vXw3ZpT6yBn4HcD7sE1aGu5Kio', 'ghp_short'],
    }),
    prefixed({
        id: 'codex-hooks-access-token',
        provider: 'codex-hooks',
        description: 'codex-hooks endpoint access token (CRC32-checked)',
        prefixes: ['cdxhk_'],
        token: 'cdxhk_[A-Za-z0-9]{49}',
        // Issued by `codex-hooks token create`: 43 base62 characters of 256 random bits, then their CRC32 in base62.
        validate: isWellFormedAccessToken,
        example: (g) => [withAccessTokenChecksum(g.alnum(43)), withAccessTokenChecksum(g.alnum(43))],
        negative: ['cdxhk_R8fJk2LmQ9vXw3ZpT6yBn4HcD7sE1aGu5KioR8fJk2LmQ9vXw3Z'],
    }),
    prefixed({
        id: 'github-fine-grained-pat',
        provider: 'GitHub',
        description: 'GitHub fine-grained personal access token',
        prefixes: ['github_pat_'],
        token: 'github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}',
        example: (g) => `github_pat_11${g.alnum(20)}_${g.alnum(59)}`,
    }),
    prefixed({
        id: 'gitlab-token',
        provider: 'GitLab',
        description: 'GitLab personal, project, group, deploy, runner, trigger, feed, OAuth or agent token',
        prefixes: [
            'glpat-',
            'gldt-',
            'glrt-',
            'glcbt-',
            'glptt-',
            'glft-',
            'glimt-',
            'gloas-',
            'glsoat-',
            'glffct-',
            'glagent-',
            'glrtr-',
        ],
        token: 
        // Routable tokens (GitLab's routable-token design and its own detection rules): a 27-300 character
        // payload, then `.<version>` (optional) and `.<length><crc32>` in base36. Trigger tokens are 40
        // characters, OAuth application secrets 64, CI job tokens carry an optional `<partition>_`.
        '(?:glpat|gldt|glrt|glrtr|glft|glsoat|glffct|glagent)-[A-Za-z0-9_-]{20,300}(?:\\.[0-9a-z]{2})?(?:\\.[0-9a-z]{9})?|gloas-[A-Za-z0-9_-]{64}|glptt-[A-Za-z0-9_-]{40}|glcbt-(?:[A-Za-z0-9]{1,5}_)?[A-Za-z0-9_-]{20}|glimt-[A-Za-z0-9_-]{25}',
        entropy: 3.3,
        example: (g) => [
            'glpat-' + g.b64url(20),
            'glptt-' + g.hex(40),
            'glrt-' + g.b64url(20),
            'glpat-' + g.b64url(40) + '.01.' + g.lower(9),
            'glcbt-' + g.b64url(20),
            'glptt-' + g.b64url(40),
        ],
        negative: ['gloas-Zq8vT3mW9kLpR4nB6yC1hJ5sD0fG3aK9eU7i'],
        window: { before: 20, after: 340 },
    }),
    prefixed({
        id: 'gitlab-runner-registration-token',
        provider: 'GitLab',
        description: 'GitLab runner registration token (legacy)',
        prefixes: ['gr1348941'],
        token: 'GR1348941[A-Za-z0-9_-]{20}',
        example: (g) => 'GR1348941' + g.b64url(20),
    }),
    prefixed({
        id: 'bitbucket-app-password',
        provider: 'Bitbucket',
        description: 'Bitbucket app password or access token',
        prefixes: ['atbb', 'atctt3'],
        token: '(?:ATBB[A-Za-z0-9]{32}[A-F0-9]{8}|ATCTT3xFfGN0[A-Za-z0-9_=-]{170,220})',
        example: (g) => 'ATBB' + g.alnum(32) + g.HEX(8),
        window: { before: 20, after: 260 },
    }),
    named({
        id: 'bitbucket-client-secret',
        provider: 'Bitbucket',
        description: 'Bitbucket OAuth consumer secret',
        names: ['bitbucket'],
        value: '[A-Za-z0-9_=-]{32,64}',
        entropy: 4,
        example: (g) => g.b64url(32),
    }),
    prefixed({
        id: 'atlassian-api-token',
        provider: 'Atlassian',
        description: 'Atlassian (Jira, Confluence) API token (CRC32-checked)',
        prefixes: ['atatt3'],
        // `ATATT3` + base64url payload + `=` + 8 hex digits, the CRC32 of everything before them. Atlassian
        // gives no length ("varied length" since 18 Jan 2023; published samples are 192 characters), so the
        // payload is a range and the checksum does the filtering.
        token: 'ATATT3[A-Za-z0-9_-]{100,300}=[0-9A-Fa-f]{8}',
        validate: hasValidHexCrc32Suffix,
        example: (g) => withHexCrc32Suffix('ATATT3xFfGF0' + g.b64url(171) + '='),
        window: { before: 20, after: 330 },
        negative: [
            // Well-formed but with a checksum that does not match (a made-up token).
            'ATATT3xFfGF0' + new Synth('atlassian-api-token-negative').b64url(171) + '=3A6F91C4',
        ],
    }),
    named({
        id: 'atlassian-legacy-api-token',
        provider: 'Atlassian',
        description: 'Atlassian API token next to a Jira or Confluence name',
        names: ['jira', 'confluence', 'atlassian'],
        // Pre-2023 tokens: 24 characters, the last 4 hex (part of a hash of the first 20).
        value: '[A-Za-z0-9]{20}[A-Fa-f0-9]{4}',
        entropy: 3.8,
        example: (g) => g.alnum(20) + g.HEX(4),
        negative: ['JIRA_API_TOKEN=HqUX9T5iuk7hqSIwfiSvlXnd'],
    }),
    prefixed({
        id: 'gitea-token',
        provider: 'Gitea',
        description: 'Gitea access token next to a Gitea name',
        prefixes: ['gitea'],
        token: '(?:GITEA|gitea)[A-Za-z0-9_]{0,20}["\']?\\s{0,3}[=:]\\s{0,3}["\']?[a-f0-9]{40}',
        example: (g) => 'GITEA_TOKEN=' + g.hex(40),
    }),
    prefixed({
        id: 'circleci-token',
        provider: 'CircleCI',
        description: 'CircleCI personal or project API token',
        prefixes: ['ccipat_', 'cciprj_'],
        token: 'CCI(?:PAT|PRJ)_[A-Za-z0-9]{22}_[a-f0-9]{40}',
        example: (g) => 'CCIPAT_' + g.alnum(22) + '_' + g.hex(40),
    }),
    prefixed({
        id: 'buildkite-token',
        provider: 'Buildkite',
        description: 'Buildkite API access token',
        prefixes: ['bkua_'],
        token: 'bkua_[a-f0-9]{40}',
        example: (g) => 'bkua_' + g.hex(40),
    }),
    named({
        id: 'travis-ci-token',
        provider: 'Travis CI',
        description: 'Travis CI API token',
        names: ['travis'],
        value: '[A-Za-z0-9_-]{22}',
        entropy: 3.8,
        example: (g) => g.b64url(22),
    }),
    named({
        id: 'codecov-token',
        provider: 'Codecov',
        description: 'Codecov upload token',
        names: ['codecov'],
        value: '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
        example: (g) => g.uuid(),
    }),
    prefixed({
        id: 'sonar-token',
        provider: 'SonarSource',
        description: 'SonarQube / SonarCloud token',
        prefixes: ['sqp_', 'squ_', 'sqa_'],
        token: 'sq[pua]_[a-f0-9]{40}',
        example: (g) => 'sqp_' + g.hex(40),
    }),
    prefixed({
        id: 'sourcegraph-token',
        provider: 'Sourcegraph',
        description: 'Sourcegraph access token',
        prefixes: ['sgp_'],
        token: 'sgp_(?:[a-f0-9]{16}_)?[a-f0-9]{40}',
        example: (g) => 'sgp_' + g.hex(16) + '_' + g.hex(40),
    }),
    prefixed({
        id: 'harness-token',
        provider: 'Harness',
        description: 'Harness personal or service account token',
        prefixes: ['pat.', 'sat.'],
        token: '(?:pat|sat)\\.[A-Za-z0-9_-]{22}\\.[a-f0-9]{24}\\.[A-Za-z0-9]{20}',
        example: (g) => 'pat.' + g.b64url(22) + '.' + g.hex(24) + '.' + g.alnum(20),
    }),
    prefixed({
        id: 'octopus-deploy-api-key',
        provider: 'Octopus Deploy',
        description: 'Octopus Deploy API key',
        prefixes: ['api-'],
        token: 'API-[A-Z0-9]{26}',
        entropy: 3.5,
        example: (g) => 'API-' + g.upper(26),
    }),
    named({
        id: 'snyk-token',
        provider: 'Snyk',
        description: 'Snyk API token',
        names: ['snyk'],
        value: '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
        example: (g) => g.uuid(),
    }),
    prefixed({
        id: 'jenkins-api-token',
        provider: 'Jenkins',
        description: 'Jenkins API token next to a Jenkins name',
        prefixes: ['jenkins'],
        token: '(?:JENKINS|jenkins)[A-Za-z0-9_]{0,20}["\']?\\s{0,3}[=:]\\s{0,3}["\']?11[a-f0-9]{32}',
        example: (g) => 'JENKINS_API_TOKEN=11' + g.hex(32),
    }),
    named({
        id: 'drone-ci-token',
        provider: 'Drone CI',
        description: 'Drone CI access token',
        names: ['drone_token', 'drone-token'],
        value: '[A-Za-z0-9]{32}',
        entropy: 3.8,
        example: (g) => g.alnum(32),
    }),
    prefixed({
        id: 'postman-api-key',
        provider: 'Postman',
        description: 'Postman API key',
        prefixes: ['pmak-'],
        token: 'PMAK-[a-f0-9]{24}-[a-f0-9]{34}',
        example: (g) => 'PMAK-' + g.hex(24) + '-' + g.hex(34),
    }),
    prefixed({
        id: 'readme-api-key',
        provider: 'ReadMe',
        description: 'ReadMe API key',
        prefixes: ['rdme_'],
        token: 'rdme_[a-z0-9]{70}',
        example: (g) => 'rdme_' + g.lower(70),
    }),
    prefixed({
        id: 'infracost-api-key',
        provider: 'Infracost',
        description: 'Infracost API key',
        prefixes: ['ico-'],
        token: 'ico-[A-Za-z0-9]{32}',
        example: (g) => 'ico-' + g.alnum(32),
    }),
    prefixed({
        id: 'prefect-api-key',
        provider: 'Prefect',
        description: 'Prefect Cloud API key',
        prefixes: ['pnu_'],
        token: 'pnu_[A-Za-z0-9]{36}',
        example: (g) => 'pnu_' + g.alnum(36),
    }),
    prefixed({
        id: 'figma-token',
        provider: 'Figma',
        description: 'Figma personal access token',
        prefixes: ['figd_'],
        token: 'figd_[A-Za-z0-9_-]{40}',
        example: (g) => 'figd_' + g.b64url(40),
    }),
    prefixed({
        id: 'linear-api-key',
        provider: 'Linear',
        description: 'Linear API key or OAuth token',
        prefixes: ['lin_api_', 'lin_oauth_'],
        token: 'lin_(?:api|oauth)_[A-Za-z0-9]{40}',
        example: (g) => 'lin_api_' + g.alnum(40),
    }),
    prefixed({
        id: 'notion-token',
        provider: 'Notion',
        description: 'Notion integration token',
        prefixes: ['ntn_', 'secret_'],
        token: '(?:ntn_[0-9]{11}[A-Za-z0-9]{35}|secret_[A-Za-z0-9]{43})',
        entropy: 3.5,
        example: (g) => ['ntn_' + g.digits(11) + g.alnum(35), 'secret_' + g.alnum(43)],
    }),
    prefixed({
        id: 'clickup-token',
        provider: 'ClickUp',
        description: 'ClickUp personal API token',
        prefixes: ['pk_'],
        token: 'pk_[0-9]{6,10}_[A-Z0-9]{32}',
        example: (g) => 'pk_' + g.digits(8) + '_' + g.upper(32),
    }),
    named({
        id: 'asana-token',
        provider: 'Asana',
        description: 'Asana personal access token',
        names: ['asana'],
        value: '[0-9]/[0-9]{16}(?:/[0-9]{16})?:[A-Za-z0-9]{32}',
        example: (g) => `2/${g.digits(16)}/${g.digits(16)}:${g.alnum(32)}`,
    }),
    named({
        id: 'trello-token',
        provider: 'Trello',
        description: 'Trello API token',
        names: ['trello'],
        value: '(?:ATTA[A-Za-z0-9]{60,70}|[a-f0-9]{64})',
        example: (g) => g.hex(64),
    }),
    prefixed({
        id: 'airtable-token',
        provider: 'Airtable',
        description: 'Airtable personal access token',
        prefixes: ['pat'],
        token: 'pat[A-Za-z0-9]{14}\\.[a-f0-9]{64}',
        example: (g) => 'pat' + g.alnum(14) + '.' + g.hex(64),
    }),
    prefixed({
        id: 'typeform-token',
        provider: 'Typeform',
        description: 'Typeform personal access token',
        prefixes: ['tfp_'],
        token: 'tfp_[A-Za-z0-9_=-]{44}_[A-Za-z0-9]{14}',
        example: (g) => 'tfp_' + g.b64url(44) + '_' + g.alnum(14),
    }),
    prefixed({
        id: 'frameio-token',
        provider: 'Frame.io',
        description: 'Frame.io API token',
        prefixes: ['fio-u-'],
        token: 'fio-u-[A-Za-z0-9_=-]{64}',
        example: (g) => 'fio-u-' + g.b64url(64),
    }),
    named({
        id: 'monday-token',
        provider: 'monday.com',
        description: 'monday.com API token (a JWT next to a monday name)',
        names: ['monday_api', 'monday_token'],
        value: 'eyJ[A-Za-z0-9_-]{10,60}\\.eyJ[A-Za-z0-9_-]{20,400}\\.[A-Za-z0-9_-]{20,100}',
        example: (g) => 'eyJhbGciOiJIUzI1NiJ9.eyJ' + g.b64url(60) + '.' + g.b64url(43),
    }),
    named({
        id: 'zendesk-token',
        provider: 'Zendesk',
        description: 'Zendesk API token',
        names: ['zendesk'],
        value: '[A-Za-z0-9]{40}',
        entropy: 4,
        example: (g) => g.alnum(40),
    }),
    named({
        id: 'intercom-token',
        provider: 'Intercom',
        description: 'Intercom access token',
        names: ['intercom'],
        value: 'dG9rOj[A-Za-z0-9+/=_-]{40,80}',
        example: (g) => 'dG9rOj' + g.b64url(54),
    }),
    prefixed({
        id: 'hubspot-private-app-token',
        provider: 'HubSpot',
        description: 'HubSpot private app access token',
        prefixes: ['pat-na1-', 'pat-eu1-'],
        token: 'pat-(?:na1|eu1)-[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}',
        example: (g) => 'pat-na1-' + g.uuid(),
    }),
    named({
        id: 'freshdesk-api-key',
        provider: 'Freshworks',
        description: 'Freshdesk / Freshservice API key',
        names: ['freshdesk', 'freshservice'],
        value: '[A-Za-z0-9]{20}',
        entropy: 3.8,
        example: (g) => g.alnum(20),
    }),
    keyed({
        id: 'github-oauth-client-secret',
        provider: 'GitHub',
        description: 'GitHub OAuth App client secret',
        keywords: [
            'github_client_secret',
            'github-client-secret',
            'githubclientsecret',
            'github_secret',
            'github_oauth_secret',
            'gh_client_secret',
        ],
        value: 'h40',
    }),
];

;// CONCATENATED MODULE: ./src/core/secrets/entropy.ts
/** Shannon entropy in bits per character. */
function shannonEntropy(value) {
    if (value.length === 0)
        return 0;
    const counts = new Map();
    for (const ch of value)
        counts.set(ch, (counts.get(ch) ?? 0) + 1);
    let bits = 0;
    for (const n of counts.values()) {
        const p = n / value.length;
        bits -= p * Math.log2(p);
    }
    return bits;
}

;// CONCATENATED MODULE: ./src/core/secrets/filters.ts
/**
 * Precision filters shared by every rule: a value that looks like a placeholder, a template reference
 * or a run of repeated or sequential characters is documentation, not a credential.
 */
const PLACEHOLDER_WORDS = /example|dummy|sample|placeholder|redacted|changeme|change_me|replace[-_]?me|insert[-_]?your|your[-_]?(?:api|access|secret|auth|key|token|pass|client)|fake[-_]?(?:key|token|secret)|not[-_]?a[-_]?real|xxxx|\*\*\*\*|\.\.\.|…/i;
/** `${VAR}`, `${{ secrets.X }}`, `{{ x }}`, `<your-key>`, `process.env.X`, `%VAR%`, `$(cmd)`, a whole `{name}`. */
const TEMPLATE_REFERENCE = /\$\{|\{\{|\}\}|<[^>\s]{1,60}>|process\.env|os\.environ|getenv|secrets\.|%[A-Z_]{3,}%|\$\(|^\$[A-Za-z_]|^\{[\w.-]{0,40}\}$/;
function isPlaceholder(value) {
    return PLACEHOLDER_WORDS.test(value) || TEMPLATE_REFERENCE.test(value) || hasLowVariety(value);
}
/**
 * The value is mostly made of runs: at least half of its characters sit in runs of four or more equal
 * or consecutive characters (`aaaa`, `abcd`, `4321`), or it has three or fewer distinct
 * characters. A real key may contain a short run (`…abc123456…`) by chance; a placeholder is made of them.
 */
function hasLowVariety(value) {
    if (value.length >= 8 && new Set(value).size <= 3)
        return true;
    const v = value;
    let inRuns = 0;
    let runStart = 0;
    let step = 0;
    const close = (end) => {
        if (end - runStart >= 4)
            inRuns += end - runStart;
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
/** Hex digests (md5, sha1, sha256, sha512): on their own they are content hashes and commit ids. */
const HEX_DIGEST = /^(?:[a-f0-9]{32}|[a-f0-9]{40}|[a-f0-9]{64}|[a-f0-9]{128}|[A-F0-9]{32}|[A-F0-9]{40}|[A-F0-9]{64})$/;
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
/** Subresource-integrity and lockfile `integrity` values. */
const SRI = /^sha(?:1|256|384|512)-[A-Za-z0-9+/]{20,}={0,2}$/;
/** Values that are hashes, ids or integrity strings rather than credentials. */
function isDigestLike(value) {
    return HEX_DIGEST.test(value) || UUID.test(value) || SRI.test(value);
}
const SUPPRESSION = /codex-hooks:allow|gitleaks:allow|pragma: allowlist secret|secretlint-disable-line/;
function isSuppressedLine(text) {
    return SUPPRESSION.test(text);
}

;// CONCATENATED MODULE: ./src/core/secrets/rules/commands-and-configs.ts


/**
 * Credentials written into a command line or a configuration file's own syntax: `curl -u`, an
 * `Authorization` header, `.netrc`, JDBC/ODBC strings, `psexec -p`, `Connect-VIServer -Password`,
 * Gradle `credentials { }`, `mysql -p`, Kubernetes `Secret` manifests, shadow / htpasswd hashes.
 */
/** A literal password: not a variable, a template or a common word; some entropy. */
function isLiteralPassword(value) {
    return (value.length >= 6 &&
        !/^[$%<{]/.test(value) &&
        !/^(?:password|passwd|secret|changeme|pass(?:word)?\d*|admin|root|test|user|xxx+)$/i.test(value) &&
        shannonEntropy(value) >= 2.5 &&
        !isPlaceholder(value));
}
/** A Kubernetes `data:` value is base64: it must decode to printable text of ≥ 6 characters. */
function isBase64Credential(value) {
    const text = Buffer.from(value, 'base64').toString('utf8');
    return text.length >= 6 && /^[\x20-\x7e]+$/.test(text) && isLiteralPassword(text);
}
const AUTH_VALUE = '[A-Za-z0-9._~+/=-]{16,500}';
const CONFIG_CREDENTIAL_RULES = [
    {
        id: 'curl-basic-auth',
        provider: 'Command lines',
        description: 'Password in curl -u / --user',
        keywords: ['curl'],
        pattern: /curl\b[^\n]{0,200}?\s(?:-u|--user)\s{1,3}["']?[^\s:"'$]{1,64}:([^\s"'$]{6,128})["']?(?=\s|$)/,
        secretGroup: 1,
        validate: (s) => isLiteralPassword(s),
        specificity: 2,
        window: { before: 0, after: 420 },
        examples: {
            positive: [
                'curl -u deploy:Vq8r2LmZ7pWx4N https://api.acme.dev/v1/releases',
                'curl -s --user "ci:h7Kp2Lx9Qm4V" $URL',
            ],
            negative: ['curl -u "$USER:$PASSWORD" https://api.acme.dev', 'curl -u admin:password https://localhost'],
        },
    },
    {
        id: 'http-auth-header',
        provider: 'HTTP headers',
        description: 'Credential in an Authorization, X-Api-Key or token header',
        keywords: ['authorization:', 'x-api-key:', 'x-auth-token:', 'api-key:', 'x-access-token:', 'private-token:'],
        pattern: new RegExp(`(?:authorization:\\s{0,3}(?:bearer|basic|token|apikey|ssws|key)?|x-api-key:|x-auth-token:|api-key:|x-access-token:|private-token:)\\s{0,3}(${AUTH_VALUE})(?![A-Za-z0-9._~+/=-])`, 'i'),
        secretGroup: 1,
        entropy: 3.3,
        validate: (s, m) => /[0-9]/.test(s) &&
            /[A-Za-z]/.test(s) &&
            !/^(?:bearer|basic|token)$/i.test(s) &&
            /["'\s-]/.test(m.slice(-s.length - 1, -s.length) || ' '),
        specificity: 1,
        window: { before: 0, after: 560 },
        examples: {
            positive: [
                'curl -H "Authorization: Bearer q7Rk2Lm9Vw3ZpT6yBn4HcD7sE1aGu5Ki" https://api.acme.dev',
                "curl -H 'X-Api-Key: 9fT2kLq8ZrV4mX7pW3nB6yC1' https://api.acme.dev",
                'Authorization: SSWS 00Q7rK2mZp9LwVb7Rc1Qn5Hd8Gf3Js6Ye0Ua4TnXw',
            ],
            negative: [
                '-H "Authorization: Bearer $TOKEN"',
                'Authorization: Bearer <token>',
                'headers["Authorization:"] = value',
            ],
        },
    },
    {
        id: 'netrc-password',
        provider: 'Config files',
        description: 'Password in a .netrc entry',
        keywords: ['machine '],
        pattern: /machine\s{1,5}[A-Za-z0-9._-]{1,253}\s{1,5}(?:login\s{1,5}[^\s]{1,128}\s{1,5})?password\s{1,5}([^\s]{6,128})/,
        secretGroup: 1,
        validate: (s) => isLiteralPassword(s),
        specificity: 2,
        window: { before: 0, after: 600 },
        examples: {
            positive: [
                'machine api.heroku.com\n  login ci@acme.dev\n  password Zq8vT3mW9kLp',
                'machine github.com login octo password h7Kp2Lx9Qm4V',
            ],
            negative: ['machine github.com login octo password $GITHUB_TOKEN'],
        },
    },
    {
        id: 'jdbc-password',
        provider: 'Connection strings',
        description: 'Password in a JDBC URL query',
        keywords: ['jdbc:'],
        pattern: /jdbc:[a-z0-9:]{2,30}\/\/[^\s"'?]{1,200}\?[^\s"']{0,200}?(?<=[?&])password=([^\s&"';]{6,128})/,
        secretGroup: 1,
        validate: (s) => isLiteralPassword(s),
        specificity: 2,
        window: { before: 0, after: 420 },
        examples: {
            positive: ['jdbc:mysql://db.acme.internal:3306/app?user=app&password=Tq7vR2mX9kLp&useSSL=true'],
            negative: ['jdbc:postgresql://db/app?user=app&password=${DB_PASSWORD}'],
        },
    },
    {
        id: 'odbc-braced-password',
        provider: 'Connection strings',
        description: 'Password in an ODBC connection string written as a {braced} value',
        keywords: ['pwd={', 'password={'],
        pattern: /(?:PWD|[Pp]assword)=\{([^}\n]{6,128})\}/,
        secretGroup: 1,
        validate: (s) => isLiteralPassword(s),
        specificity: 2,
        window: { before: 0, after: 200 },
        examples: {
            positive: ['Driver={ODBC Driver 18 for SQL Server};Server=db;UID=sa;PWD={Vq8r;2LmZ7pWx};'],
            negative: ['PWD={password};', 'Password={0};'],
        },
    },
    {
        id: 'command-line-password',
        provider: 'Command lines',
        description: 'Password on a command line: psexec -p, Connect-VIServer -Password, mysql -p, sshpass -p',
        keywords: ['psexec', 'connect-viserver', 'mysql', 'sshpass', 'net use'],
        pattern: /(?:psexec(?:64)?(?:\.exe)?\b[^\n]{0,200}?\s-p|connect-viserver\b[^\n]{0,200}?\s-password|mysql(?:dump|admin)?\b[^\n]{0,120}?\s-p(?=\S)|sshpass\s{1,3}-p|net use\b[^\n]{0,120}?\/user:\S{1,64})\s{0,3}["']?([^\s"'$]{6,128})["']?(?=\s|$)/i,
        secretGroup: 1,
        validate: (s) => isLiteralPassword(s) && !s.startsWith('-'),
        specificity: 2,
        window: { before: 0, after: 360 },
        examples: {
            positive: [
                'psexec \\\\srv01 -u ACME\\admin -p Zq8vT3mW9kLp cmd.exe',
                "Connect-VIServer -Server vc01.acme.local -User administrator@vsphere.local -Password 'h7Kp2Lx9Qm4V!'",
                'mysql -h db -u root -pTq7vR2mX9kLp app < dump.sql',
                'sshpass -p Vq8r2LmZ7pWx ssh deploy@10.0.0.4',
            ],
            negative: ['mysql -u root -p app', 'psexec \\\\srv01 -u admin -p $env:PASSWORD cmd.exe'],
        },
    },
    {
        id: 'gradle-credentials',
        provider: 'Config files',
        description: 'Password in a Gradle / Maven repository credentials block',
        keywords: ['credentials'],
        pattern: /credentials\s{0,3}(?:\(\w{0,40}\))?\s{0,3}\{[^}]{0,240}?password\s{0,3}(?:=\s{0,3})?["']([^"'\s$]{6,128})["']/,
        secretGroup: 1,
        validate: (s) => isLiteralPassword(s),
        specificity: 2,
        window: { before: 0, after: 420 },
        examples: {
            positive: ['credentials {\n  username "deploy"\n  password "Zq8vT3mW9kLp"\n}'],
            negative: ['credentials {\n  username = findProperty("user")\n  password = "$repoPassword"\n}'],
        },
    },
    {
        id: 'kubernetes-secret-data',
        provider: 'Kubernetes',
        description: 'Base64 credential in a Kubernetes Secret manifest',
        keywords: ['kind: secret'],
        pattern: /kind:\s{0,3}["']?Secret["']?\s*\n[\s\S]{0,600}?\n(?:data|stringData):[ \t]*\n[ \t]{1,8}[\w.-]{1,64}:[ \t]{1,3}["']?([A-Za-z0-9+/]{8,1000}={0,2})["']?[ \t]*(?:\n|$)/,
        secretGroup: 1,
        validate: (s) => isBase64Credential(s),
        placeholderFilter: false,
        specificity: 2,
        window: { before: 0, after: 1800 },
        examples: {
            positive: [
                `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ntype: Opaque\ndata:\n  password: ${Buffer.from('Zq8vT3mW9kLp!').toString('base64')}\n`,
            ],
            negative: ['apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: cGFzc3dvcmQ=\n'],
        },
    },
    {
        id: 'password-hash',
        provider: 'Password hashes',
        description: 'Password hash in shadow or htpasswd form (user:$6$…, user:$apr1$…, user:{SHA}…)',
        keywords: ['$apr1$', '$6$', '$5$', '$1$', '$2y$', '$2b$', '$2a$', '$y$', ':{sha}'],
        pattern: /(?<![^\s"'`>])[a-z_][A-Za-z0-9_.-]{0,31}:((?:\$(?:apr1|1|5|6)\$[./A-Za-z0-9]{1,16}\$[./A-Za-z0-9]{22,86}|\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}|\$y\$[./A-Za-z0-9]{1,8}\$[./A-Za-z0-9]{8,32}\$[./A-Za-z0-9]{43}|\{SHA\}[A-Za-z0-9+/]{27}=))(?=[:\s"'`]|$)/,
        secretGroup: 1,
        placeholderFilter: false,
        specificity: 2,
        window: { before: 40, after: 200 },
        examples: {
            positive: [
                'deploy:$6$Qk3v9TzR$W2mX7pL8rV4nB6yC1hJ5sD0fG3aK9eU7iO2tZ8Ywr3Lk9Pq2Vx7Nc4Md8Fb1Gh5Jk0LzQ7rK2mZp9LwVb7Rc1:19700:0:99999:7:::',
                'admin:$apr1$Zk3Q9vT7$mX2pL8rW4nB6yC1hJ5sD0/',
            ],
            negative: ['root:*:19700:0:99999:7:::', 'const prefix = "$6$";'],
        },
    },
];

;// CONCATENATED MODULE: ./src/core/secrets/rules/generic.ts


/** Private keys, JWTs, credentials in URLs, and generic assignments gated by entropy. */
const PEM_BODY_LINE = /^(?:Proc-Type|DEK-Info|Version|Comment|Hash):/;
/**
 * The block must carry a real base64 body (≥ 64 characters), not `...` or a stub. The BEGIN and END lines
 * (whatever their dashes) and header lines are not body; a block may use `\n` escapes (a JSON string).
 */
function hasPemBody(block) {
    const inner = block.replace(/\\n/g, '\n').split(/\r?\n/);
    const body = inner
        .filter((l) => !/-{2}(?:BEGIN|END) /.test(l) && !PEM_BODY_LINE.test(l.trim()) && !l.trim().startsWith('='))
        .join('')
        .replace(/[\s"',+]/g, (c) => (c === '+' ? c : ''));
    return body.length >= 64 && /^[A-Za-z0-9+/=]+$/.test(body) && !/\.\.\./.test(block) && new Set(body).size > 16;
}
function decodeBase64Url(part) {
    return Buffer.from(part.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
}
/** A JWT's header must decode to a JSON object with `alg`, and its payload to JSON. */
function isJwt(token) {
    const [header, payload] = token.split('.');
    try {
        const h = JSON.parse(decodeBase64Url(header));
        JSON.parse(decodeBase64Url(payload));
        return typeof h === 'object' && h !== null && 'alg' in h && h.alg !== 'none';
    }
    catch {
        return false;
    }
}
const COMMON_PASSWORDS = new Set([
    'password',
    'passwd',
    'pass',
    'pwd',
    'secret',
    'admin',
    'root',
    'test',
    'user',
    'username',
    'changeme',
    'foobar',
    'qwerty',
    'letmein',
    'mypassword',
    'yourpassword',
    'p@ssw0rd',
    'password1',
    'password123',
    'guest',
    'default',
    'postgres',
    'mysql',
    'redis',
    'none',
    'null',
    'true',
    'false',
    'undefined',
    'required',
    'string',
    'hidden',
    'secret123',
]);
/** Values that are code, not literals: `this.password`, `getToken()`, `args[0]`, `os.getenv`. */
const CODE_LIKE = /[()[\]]|^[a-z_$][\w$]*\.[a-z_$][\w$.]*$|^(?:true|false|null|none|nil|undefined)$/i;
/**
 * An unquoted value is only a password when it does not read as a path, a reference, a key or an
 * identifier: it has a letter and a digit, some entropy, and does not start like a path or a variable.
 */
function isUnquotedPassword(value) {
    return (/[A-Za-z]/.test(value) &&
        /[0-9]/.test(value) &&
        !/^[/~.$%!&|]/.test(value) &&
        !/[:(){}[\]]$/.test(value) &&
        !/^[a-z_$][\w$]*(?:\.[\w$]+)+$/i.test(value) &&
        shannonEntropy(value) >= 3);
}
/** `/Users/me`, `~/.ssh`, `C:\\data`: a path (`PWD=` is the working directory), not a password. */
const FILE_PATH = /^(?:~?\/|\.{1,2}\/|[A-Za-z]:[\\/])[\w./\\-]*$/;
function isPlausiblePassword(value) {
    return (value.length >= 6 && !COMMON_PASSWORDS.has(value.toLowerCase()) && !CODE_LIKE.test(value) && !FILE_PATH.test(value));
}
/** Names that hold hashes or ids, not credentials: `token_hash`, `secret_sha256`, `api_key_id`. */
const NOT_A_SECRET_NAME = /(?:hash|sha\d*|digest|checksum|integrity|_id|Id|_ids|name|type|url|uri|path|file|length|len|count|header|prefix|expires?|ttl|format)["']?\s{0,3}(?:=>|:=|=|:)/;
/** A piece of an identifier: a word (with a vowel when longer than 4), a short number, or a version. */
function isWordPiece(piece) {
    if (/^\d{1,4}$/.test(piece) || /^v\d{1,3}$/i.test(piece))
        return true;
    if (!/^[A-Za-z]{2,}$/.test(piece))
        return false;
    return piece.length <= 4 || /[aeiouy]/i.test(piece);
}
/**
 * The value reads as a path, a URL path, a CSS selector, an ARN, a hostname, a Maven coordinate, an
 * enum or config identifier (`application_password_admin`, `PasswordField_v2`), or a malformed UUID:
 * words and short numbers joined by `/ . _ - :` or camelCase. Such a value is not a credential.
 */
function readsAsIdentifier(value) {
    if (/^(?:[/#.~]|arn:|https?:)/i.test(value))
        return true;
    if (/^(?:[a-z0-9-]{1,63}\.)+[a-z]{2,24}$/i.test(value))
        return true;
    if (/^[0-9a-f]{4,12}(?:-[0-9a-f]{2,12}){3,5}$/i.test(value))
        return true;
    const pieces = value
        .replace(/([a-z])([A-Z])/g, '$1 $2')
        .split(/[\s/._:@-]+/)
        .filter((p) => p.length > 0);
    return pieces.length >= 2 && pieces.every(isWordPiece);
}
const GENERIC_RULES = [
    {
        id: 'private-key',
        provider: 'PEM / OpenSSH / PGP',
        description: 'Private key block (RSA, EC, DSA, OpenSSH, PGP, PKCS#8, encrypted)',
        keywords: ['private key'],
        pattern: 
        // The block ends at its END line, or, for a key inside a JSON string (a GCP service-account file),
        // at the string's closing quote, so that a mangled or cut END line still leaves a key to report.
        // The body never runs over another BEGIN line: each header is tried once up to the next, so a file of
        // repeated headers costs one pass, not 16,000 characters per header.
        /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |PGP |ENCRYPTED |SSH2 ENCRYPTED )?PRIVATE KEY(?: BLOCK)?)-----(?:[^-]|-(?!----BEGIN )){64,16000}?(?:-----END \1-----|(?<=\\n|\n)-{2,5}END \1-{0,5}|")/,
        placeholderFilter: false,
        validate: hasPemBody,
        window: { before: 40, after: 16100 },
        specificity: 3,
        examples: {
            positive: [
                '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\nVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK\n-----END RSA PRIVATE KEY-----',
                '"private_key": "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\\nMzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvu\\n-----END PRIVATE KEY-----\\n"',
                '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\nQyNTUxOQAAACDq7Uq3Vx9kR2mT8pL4nB6yC1hJ5sD0fG3aK9eU7iO2tQAAAJgZ8Ywr\n-----END OPENSSH PRIVATE KEY-----',
                '{\n  "type": "service_account",\n  "private_key": "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQDq7Uq3Vx9kR2mT8pL4\\nnB6yC1hJ5sD0fG3aK9eU7iO2tZ8Ywr3Lk9Pq2Vx7Nc4Md8Fb1Gh5Jk0Lz\\n-----END PRIVATE KEY----\\n",\n  "client_email": "ci@acme-prod.iam.gserviceaccount.com"\n}',
            ],
            negative: [
                '-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----',
                '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo\n-----END PUBLIC KEY-----',
                "const header = '-----BEGIN PRIVATE KEY-----';",
                'const marker = "-----BEGIN PRIVATE KEY-----"; // the PEM header that parseKey() looks for before it decodes the rest of the file "',
            ],
        },
    },
    {
        id: 'putty-private-key',
        provider: 'PuTTY',
        description: 'PuTTY private key file',
        keywords: ['putty-user-key-file-'],
        pattern: /PuTTY-User-Key-File-[23]: [a-z0-9-]{7,32}\r?\nEncryption: [a-z0-9-]{4,20}\r?\nComment: [^\n]{0,200}\r?\nPublic-Lines: \d{1,3}\r?\n[\s\S]{20,8000}?Private-Lines: \d{1,3}\r?\n[A-Za-z0-9+/=\r\n]{40,4000}/,
        placeholderFilter: false,
        window: { before: 10, after: 12000 },
        examples: {
            positive: [
                'PuTTY-User-Key-File-2: ssh-rsa\nEncryption: none\nComment: deploy\nPublic-Lines: 2\nAAAAB3NzaC1yc2EAAAABJQAAAQEAhV9sR2mT8pL4nB6yC1hJ5sD0fG3aK9eU7iO2tQ\nZ8Ywr3Lk9Pq2Vx7Nc4Md8Fb1Gh5Jk0Lz\nPrivate-Lines: 1\nAAABAQCq7Uq3Vx9kR2mT8pL4nB6yC1hJ5sD0fG3aK9eU7iO2tZ8Ywr3Lk9Pq2Vx7Nc',
            ],
            negative: ['PuTTY-User-Key-File-2: ssh-rsa'],
        },
    },
    {
        id: 'jwt',
        provider: 'JSON Web Token',
        description: 'JSON Web Token (signed)',
        keywords: ['eyj'],
        pattern: /(?<![A-Za-z0-9_-])(eyJ[A-Za-z0-9_-]{8,1000}\.eyJ[A-Za-z0-9_-]{8,4000}\.[A-Za-z0-9_-]{16,1000})(?![A-Za-z0-9_-])/,
        secretGroup: 1,
        validate: isJwt,
        window: { before: 10, after: 6100 },
        specificity: 2,
        examples: {
            positive: [
                'Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJjaS1ib3QiLCJpYXQiOjE3MTk0MDAwMDB9.q7Rk2Lm9Vw3ZpT6yBn4HcD7sE1aGu5Kio8Nf0Jh2wXc',
            ],
            negative: [
                'eyJub3QiOiJqd3QifQ.eyJzdWIiOiJ4In0.q7Rk2Lm9Vw3ZpT6yBn4HcD7sE1aGu5Kio8',
                'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.q7Rk2Lm9Vw3ZpT6yBn4HcD7sE1aGu5Kio8',
            ],
        },
    },
    {
        id: 'url-credentials',
        provider: 'URL credentials',
        description: 'Password in a URL or connection string (scheme://user:password@host)',
        keywords: ['://'],
        // The scheme is a lookbehind so that the regex starts with the literal `://`, which the engine finds
        // by a fast scan instead of trying every letter of the window as a scheme's start.
        pattern: /:\/\/(?<=[A-Za-z][A-Za-z0-9+.-]{1,20}:\/\/)[^\s:@/"'`<>]{0,64}:([^\s:@/"'`<>]{3,128})@[A-Za-z0-9[\]._-]{1,253}/,
        secretGroup: 1,
        validate: (s, m) => isPlausiblePassword(decodeURIComponentSafe(s)) &&
            !/^\*+$/.test(s) &&
            // `YOUR_DB_PASSWORD`-like names are placeholders; a password equal to the user name is a demo default.
            !/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(s) &&
            m.slice(3, m.indexOf(':', 3)) !== s,
        window: { before: 30, after: 420 },
        specificity: 1,
        examples: {
            positive: [
                'DATABASE_URL=postgres://app:Vq8r2LmZ7pWx4Nb@db.internal:5432/app',
                'redis://:h7Kp2Lx9Qm4Vb8Nz@cache:6379/0',
            ],
            negative: [
                'postgres://user:password@localhost/db',
                'https://user:${DB_PASSWORD}@host',
                'git@github.com:org/repo.git',
                'https://example.com/a@b',
                'const DOC_URL = "https://deploy:YOUR_DEPLOY_PASSWORD@api.service.com";',
                'MONGO_URL=mongodb://mongoadmin:mongoadmin@localhost:27017/app',
                'const TEMPLATE = "https://{USER}:{PASSWORD}@registry.acme.dev";',
            ],
        },
    },
    {
        id: 'connection-string-password',
        provider: 'Connection strings',
        description: 'Password in an ADO.NET / JDBC / ODBC connection string',
        keywords: ['password=', 'pwd='],
        // `;` before or after the pair is what makes it a connection string (not a `.env` line).
        pattern: /(;\s{0,3})?(?:[Pp]assword|PASSWORD|[Pp]wd|PWD)=([^;"'\s]{6,128})(?:;|(?=["'\s]|$))/,
        secretGroup: 2,
        validate: (s, m) => isPlausiblePassword(s) && (m.startsWith(';') || m.endsWith(';')) && !/^\{/.test(s),
        window: { before: 200, after: 200 },
        specificity: 1,
        entropy: 2.5,
        examples: {
            positive: ['Server=db;Database=app;User Id=sa;Password=Tq7vR2mX9kLp;'],
            negative: ['Server=db;User Id=sa;Password=password;', 'Password={0};'],
        },
    },
    {
        id: 'generic-password',
        provider: 'generic',
        description: 'Password assigned to a literal',
        keywords: ['password', 'passwd', 'passphrase', 'pwd'],
        // A quoted value (code, JSON, YAML), or an unquoted one that runs to the end of the line or a space
        // (.env, YAML, properties), which must look more like a password (see isUnquotedPassword).
        pattern: /(?:password|passwd|passphrase|pwd)[A-Za-z0-9_.-]{0,20}["']?\s{0,3}(?:=>|:=|=|:)\s{0,3}["'`]?((?<=["'`])[^"'`\s\\]{6,128}(?=["'`])|(?<![^\s=:>])[^"'`\s\\;,&]{6,128}(?![^\s"'`]))/i,
        secretGroup: 1,
        entropy: 2.3,
        validate: (s, m) => isPlausiblePassword(s) &&
            !NOT_A_SECRET_NAME.test(m) &&
            !/^[A-Z_]+$/.test(s) &&
            !readsAsIdentifier(s) &&
            (/["'`]/.test(m.charAt(m.length - s.length - 1)) || isUnquotedPassword(s)),
        window: { before: 10, after: 200 },
        specificity: 1,
        examples: {
            positive: [
                'db_password = "Zq8vT3mW9kLp"',
                "  password: 'h7Kp2Lx9Qm4V'",
                '  password: Tq7vR2mX9kLp$',
                '{"username": "deploy", "password": "Vq8r2LmZ7pWx"}',
                'spring.datasource.password=h7Kp2Lx9Qm4V',
            ],
            negative: [
                'password = "password"',
                'password = ""',
                'password = get_password()',
                'password: "${DB_PASSWORD}"',
                'password_hash = "5f4dcc3b5aa765d61d8327deb882cf99"',
                'PWD=/home/runner/work/app2',
                "env: { PWD: '/Users/maciej' }",
                'password: !vault |',
                'const password = userPassword;',
                'password = config.db.password',
                'PASSWORD=changeme123',
                'password:\n  min_length: 12',
            ],
        },
    },
    {
        id: 'generic-api-key',
        provider: 'generic',
        description: 'Secret, token or API key assigned to a high-entropy literal',
        keywords: [
            'secret',
            'token',
            'api_key',
            'apikey',
            'api-key',
            'access_key',
            'accesskey',
            'auth_key',
            'private_key',
            'credential',
        ],
        pattern: /(?:secret|token|api_key|apikey|api-key|access_key|accesskey|auth_key|private_key|credential)[A-Za-z0-9_.-]{0,20}["']?\s{0,3}(?:=>|:=|=|:)\s{0,3}(["'`]?)([A-Za-z0-9_+/=~.-]{16,160})\1(?![A-Za-z0-9_+/=~.-])/i,
        secretGroup: 2,
        entropy: 3.6,
        validate: (s, m) => /[0-9]/.test(s) &&
            /[A-Za-z]/.test(s) &&
            !isDigestLike(s) &&
            !readsAsIdentifier(s) &&
            // A checksummed format whose checksum failed (its own rule dropped it) is not a token.
            !/^(?:gh[pousr]|npm)_[A-Za-z0-9]{36}$/.test(s) &&
            !NOT_A_SECRET_NAME.test(m) &&
            !/^[a-z_$][\w$]*(?:\.[\w$]+)+$/i.test(s) &&
            !/^[\w-]+\.(?:js|ts|json|ya?ml|txt|md)$/.test(s),
        window: { before: 10, after: 240 },
        specificity: 1,
        examples: {
            positive: [
                'const apiKey = "q7Rk2Lm9Vw3ZpT6yBn4HcD7s";',
                'SERVICE_TOKEN=Zk3Q9vT7mX2pL8rW4nB6yC1h',
                'client_secret: 9fT2kLq8ZrV4mX7pW3nB6yC1',
            ],
            negative: [
                'token = "d41d8cd98f00b204e9800998ecf8427e"',
                'integrity: sha512-q7Rk2Lm9Vw3ZpT6yBn4HcD7sE1aGu5Kio8Nf0Jh2wXcQ7Rk2Lm9Vw3ZpT6yBn4Hc==',
                'secret_id = "3f9a1c7e-5b2d-4a4f-8c0e-9b1d7a3f5c8e"',
                'token = process.env.SERVICE_TOKEN_2024',
                'const tokenType = "authorizationCodeGrant";',
            ],
        },
    },
];
function decodeURIComponentSafe(s) {
    try {
        return decodeURIComponent(s);
    }
    catch {
        return s;
    }
}

;// CONCATENATED MODULE: ./src/core/secrets/rules/infra.ts

/** Infrastructure, secrets managers, identity, observability and data platforms. */
const INFRA_RULES = [
    prefixed({
        id: 'vault-token',
        provider: 'HashiCorp Vault',
        description: 'Vault service, batch or recovery token',
        prefixes: ['hvs.', 'hvb.', 'hvr.'],
        token: 'hv[sbr]\\.[A-Za-z0-9_-]{24,200}',
        entropy: 3.8,
        example: (g) => 'hvs.' + g.b64url(91),
    }),
    named({
        id: 'vault-legacy-token',
        provider: 'HashiCorp Vault',
        description: 'Vault legacy token (s.…) next to a Vault name',
        names: ['vault_token', 'vault-token', 'x-vault-token'],
        value: '[sb]\\.[A-Za-z0-9]{24}',
        example: (g) => 's.' + g.alnum(24),
    }),
    prefixed({
        id: 'terraform-cloud-token',
        provider: 'HashiCorp Terraform Cloud',
        description: 'Terraform Cloud / Enterprise API token',
        prefixes: ['.atlasv1.'],
        token: '[A-Za-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_=-]{60,70}',
        example: (g) => g.alnum(14) + '.atlasv1.' + g.b64url(67),
    }),
    prefixed({
        id: 'databricks-token',
        provider: 'Databricks',
        description: 'Databricks personal access token',
        prefixes: ['dapi', 'dose'],
        token: '(?:dapi|dose)[a-f0-9]{32}(?:-[0-9])?',
        example: (g) => 'dapi' + g.hex(32),
    }),
    prefixed({
        id: 'doppler-token',
        provider: 'Doppler',
        description: 'Doppler personal, service, CLI, SCIM or audit token',
        prefixes: ['dp.pt.', 'dp.st.', 'dp.sa.', 'dp.ct.', 'dp.scim.', 'dp.audit.'],
        token: 'dp\\.(?:pt|st|sa|ct|scim|audit)\\.[A-Za-z0-9._-]{40,80}',
        example: (g) => 'dp.st.prd.' + g.alnum(43),
    }),
    prefixed({
        id: 'pulumi-token',
        provider: 'Pulumi',
        description: 'Pulumi access token',
        prefixes: ['pul-'],
        token: 'pul-[a-f0-9]{40}',
        example: (g) => 'pul-' + g.hex(40),
    }),
    named({
        id: 'datadog-api-key',
        provider: 'Datadog',
        description: 'Datadog API or application key',
        names: ['datadog', 'dd_api_key', 'dd_app_key', 'dd_application_key', 'dd-api-key'],
        value: '(?:[a-f0-9]{40}|[a-f0-9]{32})',
        example: (g) => g.hex(32),
    }),
    prefixed({
        id: 'newrelic-key',
        provider: 'New Relic',
        description: 'New Relic user, insights or browser key',
        prefixes: ['nrak-', 'nrii-', 'nrjs-'],
        token: '(?:NRAK-[A-Z0-9]{27}|NRII-[A-Za-z0-9_-]{32}|NRJS-[a-f0-9]{19})',
        example: (g) => 'NRAK-' + g.upper(27),
    }),
    prefixed({
        id: 'newrelic-license-key',
        provider: 'New Relic',
        description: 'New Relic ingest license key',
        prefixes: ['nral'],
        token: '[a-f0-9]{36}NRAL',
        example: (g) => g.hex(36) + 'NRAL',
    }),
    prefixed({
        id: 'sentry-token',
        provider: 'Sentry',
        description: 'Sentry organization or user auth token',
        prefixes: ['sntrys_', 'sntryu_'],
        token: '(?:sntrys_eyJ[A-Za-z0-9+/=_-]{60,400}|sntryu_[a-f0-9]{64})',
        example: (g) => ['sntryu_' + g.hex(64), 'sntrys_eyJpYXQiOjE3M' + g.b64url(120)],
        window: { before: 20, after: 440 },
    }),
    prefixed({
        id: 'sentry-dsn',
        provider: 'Sentry',
        description: 'Sentry DSN with a secret key',
        severity: 'warning',
        prefixes: ['ingest.sentry.io', 'ingest.us.sentry.io', 'ingest.de.sentry.io'],
        token: 'https://[a-f0-9]{32}(?::[a-f0-9]{32})?@o[0-9]{1,10}\\.ingest\\.(?:us\\.|de\\.)?sentry\\.io/[0-9]{1,10}',
        example: (g) => 'https://' + g.hex(32) + '@o' + g.digits(6) + '.ingest.sentry.io/' + g.digits(7),
    }),
    prefixed({
        id: 'grafana-token',
        provider: 'Grafana',
        description: 'Grafana Cloud or service account token',
        prefixes: ['glc_', 'glsa_'],
        token: '(?:glc_[A-Za-z0-9+/]{32,400}={0,2}|glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8})',
        example: (g) => ['glsa_' + g.alnum(32) + '_' + g.hex(8), 'glc_eyJvIjoi' + g.b64(80) + '=='],
        window: { before: 20, after: 440 },
    }),
    named({
        id: 'okta-api-token',
        provider: 'Okta',
        description: 'Okta API token',
        names: ['okta'],
        value: '00[A-Za-z0-9_-]{40}',
        entropy: 4,
        example: (g) => '00' + g.b64url(40),
    }),
    named({
        id: 'auth0-client-secret',
        provider: 'Auth0',
        description: 'Auth0 client secret',
        names: ['auth0'],
        value: '[A-Za-z0-9_-]{64}',
        entropy: 4.3,
        example: (g) => g.b64url(64),
    }),
    prefixed({
        id: 'planetscale-token',
        provider: 'PlanetScale',
        description: 'PlanetScale service token, password or OAuth token',
        prefixes: ['pscale_tkn_', 'pscale_pw_', 'pscale_oauth_'],
        token: 'pscale_(?:tkn|pw|oauth)_[A-Za-z0-9_.-]{32,64}',
        example: (g) => 'pscale_pw_' + g.b64url(43),
    }),
    prefixed({
        id: 'supabase-token',
        provider: 'Supabase',
        description: 'Supabase personal access token or secret key',
        prefixes: ['sbp_', 'sb_secret_'],
        token: '(?:sbp_[a-f0-9]{40}|sb_secret_[A-Za-z0-9_-]{31,40})',
        example: (g) => 'sbp_' + g.hex(40),
    }),
    prefixed({
        id: 'neon-api-key',
        provider: 'Neon',
        description: 'Neon API key',
        prefixes: ['napi_'],
        token: 'napi_[a-z0-9]{64}',
        example: (g) => 'napi_' + g.lower(64),
    }),
    prefixed({
        id: 'tailscale-key',
        provider: 'Tailscale',
        description: 'Tailscale auth, API or OAuth client key',
        prefixes: ['tskey-'],
        // Published types: api, auth, client, scim, webhook (tailscale.com/kb/1277/key-prefixes); any
        // lower-case type is accepted so that a new key type is not missed.
        token: 'tskey-[a-z]{3,12}-[A-Za-z0-9]{8,20}-[A-Za-z0-9]{16,40}',
        example: (g) => [
            'tskey-auth-k' + g.alnum(10) + '-' + g.alnum(32),
            'tskey-federated-k' + g.alnum(10) + '-' + g.alnum(24),
        ],
    }),
    prefixed({
        id: 'dynatrace-token',
        provider: 'Dynatrace',
        description: 'Dynatrace API token',
        prefixes: ['dt0c01.'],
        token: 'dt0c01\\.[A-Z0-9]{24}\\.[A-Z0-9]{64}',
        example: (g) => 'dt0c01.' + g.upper(24) + '.' + g.upper(64),
    }),
    prefixed({
        id: 'onepassword-service-account-token',
        provider: '1Password',
        description: '1Password service account token',
        prefixes: ['ops_eyj'],
        token: 'ops_eyJ[A-Za-z0-9+/=_-]{100,1500}',
        example: (g) => 'ops_eyJzaWduSW5BZGRyZXNzIjoi' + g.b64url(300),
        window: { before: 20, after: 1600 },
    }),
    prefixed({
        id: 'onepassword-secret-key',
        provider: '1Password',
        description: '1Password account secret key',
        prefixes: ['a3-'],
        token: 'A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}',
        example: (g) => `A3-${g.upper(6)}-${g.upper(6)}-${g.upper(5)}-${g.upper(5)}-${g.upper(5)}-${g.upper(5)}`,
    }),
    prefixed({
        id: 'age-secret-key',
        provider: 'age',
        description: 'age encryption secret key',
        prefixes: ['age-secret-key-1'],
        token: 'AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}',
        example: (g) => 'AGE-SECRET-KEY-1' + g.pick('QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L', 58),
    }),
    prefixed({
        id: 'honeycomb-key',
        provider: 'Honeycomb',
        description: 'Honeycomb ingest or configuration key',
        prefixes: ['hcaik_', 'hcxik_', 'hcamk_', 'hcxmk_', 'hcaic_', 'hcxlk_'],
        token: 'hc[ax][a-z]{2}_[a-z0-9]{58}',
        example: (g) => 'hcaik_' + g.lower(58),
    }),
    named({
        id: 'rollbar-token',
        provider: 'Rollbar',
        description: 'Rollbar access token',
        names: ['rollbar'],
        value: '[a-f0-9]{32}',
        example: (g) => g.hex(32),
    }),
    named({
        id: 'bugsnag-api-key',
        provider: 'Bugsnag',
        description: 'Bugsnag API key',
        names: ['bugsnag'],
        value: '[a-f0-9]{32}',
        example: (g) => g.hex(32),
    }),
    named({
        id: 'pagerduty-token',
        provider: 'PagerDuty',
        description: 'PagerDuty API token',
        names: ['pagerduty'],
        value: '(?:u\\+)?[A-Za-z0-9_+-]{20}',
        entropy: 3.8,
        example: (g) => 'u+' + g.b64url(18),
    }),
    named({
        id: 'opsgenie-api-key',
        provider: 'Opsgenie',
        description: 'Opsgenie API key',
        names: ['opsgenie'],
        value: '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
        example: (g) => g.uuid(),
    }),
    named({
        id: 'splunk-hec-token',
        provider: 'Splunk',
        description: 'Splunk HTTP Event Collector token',
        names: ['splunk'],
        value: '[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}',
        example: (g) => g.uuid(),
    }),
    named({
        id: 'sumologic-access-key',
        provider: 'Sumo Logic',
        description: 'Sumo Logic access key',
        names: ['sumologic', 'sumo_access'],
        value: '[A-Za-z0-9]{64}',
        entropy: 4.3,
        example: (g) => g.alnum(64),
    }),
    prefixed({
        id: 'launchdarkly-key',
        provider: 'LaunchDarkly',
        description: 'LaunchDarkly API or SDK key',
        prefixes: ['api-', 'sdk-'],
        token: '(?:api|sdk)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
        example: (g) => 'sdk-' + g.uuid(),
    }),
    named({
        id: 'algolia-admin-key',
        provider: 'Algolia',
        description: 'Algolia admin API key',
        names: ['algolia'],
        value: '[a-f0-9]{32}',
        example: (g) => g.hex(32),
    }),
    prefixed({
        id: 'mapbox-secret-token',
        provider: 'Mapbox',
        description: 'Mapbox secret access token',
        prefixes: ['sk.eyj'],
        token: 'sk\\.eyJ[A-Za-z0-9_-]{50,200}\\.[A-Za-z0-9_-]{22}',
        example: (g) => 'sk.eyJ1Ijoi' + g.b64url(60) + '.' + g.b64url(22),
    }),
    prefixed({
        id: 'contentful-token',
        provider: 'Contentful',
        description: 'Contentful personal access token',
        prefixes: ['cfpat-'],
        token: 'CFPAT-[A-Za-z0-9_-]{43}',
        example: (g) => 'CFPAT-' + g.b64url(43),
    }),
    named({
        id: 'sanity-token',
        provider: 'Sanity',
        description: 'Sanity API token',
        names: ['sanity'],
        value: 'sk[A-Za-z0-9]{79,180}',
        entropy: 4.3,
        example: (g) => 'sk' + g.alnum(120),
    }),
    prefixed({
        id: 'salesforce-access-token',
        provider: 'Salesforce',
        description: 'Salesforce session or access token',
        prefixes: ['00d'],
        token: '00D[A-Za-z0-9]{12,15}![A-Za-z0-9._]{96}',
        example: (g) => '00D' + g.alnum(12) + '!' + g.alnum(96),
    }),
    prefixed({
        id: 'facebook-access-token',
        provider: 'Meta',
        description: 'Facebook / Meta Graph API access token',
        prefixes: ['eaa'],
        token: 'EAA[A-Za-z0-9]{90,300}',
        entropy: 4.3,
        example: (g) => 'EAAG' + g.alnum(180),
        window: { before: 20, after: 340 },
    }),
    prefixed({
        id: 'instagram-token',
        provider: 'Instagram',
        description: 'Instagram Graph access token',
        prefixes: ['igqv'],
        token: 'IGQV[A-Za-z0-9_-]{100,300}',
        example: (g) => 'IGQVJ' + g.b64url(160),
        window: { before: 20, after: 340 },
    }),
    prefixed({
        id: 'twitter-bearer-token',
        provider: 'X (Twitter)',
        description: 'X / Twitter app bearer token',
        prefixes: ['aaaaaaaaaaaaaaaaaaaaa'],
        token: 'A{22}[A-Za-z0-9%]{60,120}',
        placeholderFilter: false,
        entropy: 3.6,
        example: (g) => 'A'.repeat(22) + g.alnum(90),
        window: { before: 20, after: 160 },
    }),
    named({
        id: 'twitter-api-secret',
        provider: 'X (Twitter)',
        description: 'X / Twitter API secret',
        names: ['twitter', 'consumer_secret'],
        value: '[A-Za-z0-9]{45,50}',
        entropy: 4.3,
        example: (g) => g.alnum(50),
    }),
    prefixed({
        id: 'dropbox-token',
        provider: 'Dropbox',
        description: 'Dropbox short-lived access token',
        prefixes: ['sl.'],
        token: 'sl\\.[A-Za-z0-9_-]{130,160}',
        entropy: 4.3,
        example: (g) => 'sl.' + g.b64url(138),
    }),
    named({
        id: 'box-token',
        provider: 'Box',
        description: 'Box developer token or client secret',
        names: ['box_client_secret', 'box_developer_token', 'box_token'],
        value: '[A-Za-z0-9]{32}',
        entropy: 4,
        example: (g) => g.alnum(32),
    }),
    named({
        id: 'ngrok-authtoken',
        provider: 'ngrok',
        description: 'ngrok authtoken',
        names: ['ngrok'],
        value: '[0-9A-Za-z]{25,27}_[0-9A-Za-z]{20,22}',
        example: (g) => '2' + g.alnum(26) + '_' + g.alnum(21),
    }),
    named({
        id: 'confluent-api-secret',
        provider: 'Confluent',
        description: 'Confluent Cloud API secret',
        names: ['confluent', 'sasl_password', 'kafka_api_secret'],
        value: '[A-Za-z0-9+/]{64}',
        entropy: 4.5,
        example: (g) => g.b64(64),
    }),
    named({
        id: 'mongodb-atlas-key',
        provider: 'MongoDB Atlas',
        description: 'MongoDB Atlas API private key',
        names: ['atlas_private', 'mongodb_atlas', 'atlas_api'],
        value: '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
        example: (g) => g.uuid(),
    }),
    named({
        id: 'snowflake-password',
        provider: 'Snowflake',
        description: 'Snowflake password or key passphrase',
        names: ['snowflake_password', 'snowflake_private_key_passphrase', 'snowsql_pwd'],
        value: '[^\\s"\'`]{12,64}',
        entropy: 3.2,
        example: (g) => g.alnum(20),
    }),
    named({
        id: 'lokalise-token',
        provider: 'Lokalise',
        description: 'Lokalise API token',
        names: ['lokalise'],
        value: '[a-f0-9]{40}',
        example: (g) => g.hex(40),
    }),
    named({
        id: 'crowdin-token',
        provider: 'Crowdin',
        description: 'Crowdin personal access token',
        names: ['crowdin'],
        value: '[a-f0-9]{80}',
        example: (g) => g.hex(80),
    }),
    prefixed({
        id: 'defined-networking-key',
        provider: 'Defined Networking',
        description: 'Defined Networking (Nebula) API key',
        prefixes: ['dnkey-'],
        token: 'dnkey-[a-z0-9=_-]{26}-[a-z0-9=_-]{52}',
        example: (g) => 'dnkey-' + g.lower(26) + '-' + g.lower(52),
    }),
    prefixed({
        id: 'adafruit-io-key',
        provider: 'Adafruit IO',
        description: 'Adafruit IO key',
        prefixes: ['aio_'],
        token: 'aio_[A-Za-z0-9]{28}',
        example: (g) => 'aio_' + g.alnum(28),
    }),
    named({
        id: 'elastic-api-key',
        provider: 'Elastic',
        description: 'Elastic Cloud / Elasticsearch API key',
        names: ['elastic_api', 'elasticsearch_api', 'es_api_key'],
        value: '[A-Za-z0-9_=-]{40,120}',
        entropy: 4,
        example: (g) => g.b64url(60) + '==',
    }),
    named({
        id: 'fastly-api-token',
        provider: 'Fastly',
        description: 'Fastly API token',
        names: ['fastly'],
        value: '[A-Za-z0-9_-]{32}',
        entropy: 4,
        example: (g) => g.b64url(32),
    }),
    named({
        id: 'twitch-token',
        provider: 'Twitch',
        description: 'Twitch client secret or OAuth token',
        names: ['twitch'],
        value: '[a-z0-9]{30}',
        entropy: 3.8,
        example: (g) => g.lower(30),
    }),
    named({
        id: 'spotify-client-secret',
        provider: 'Spotify',
        description: 'Spotify client secret',
        names: ['spotify'],
        value: '[a-f0-9]{32}',
        example: (g) => g.hex(32),
    }),
    prefixed({
        id: 'scalingo-token',
        provider: 'Scalingo',
        description: 'Scalingo API token',
        prefixes: ['tk-us-'],
        token: 'tk-us-[A-Za-z0-9_-]{48}',
        example: (g) => 'tk-us-' + g.b64url(48),
    }),
    named({
        id: 'segment-token',
        provider: 'Segment',
        description: 'Segment public API token or write key',
        names: ['segment'],
        value: '(?:sgp_[A-Za-z0-9]{64}|[A-Za-z0-9]{32})',
        entropy: 4,
        example: (g) => 'sgp_' + g.alnum(64),
    }),
    named({
        id: 'mixpanel-secret',
        provider: 'Mixpanel',
        description: 'Mixpanel API secret',
        names: ['mixpanel'],
        value: '[a-f0-9]{32}',
        example: (g) => g.hex(32),
    }),
    named({
        id: 'amplitude-secret',
        provider: 'Amplitude',
        description: 'Amplitude secret key',
        names: ['amplitude'],
        value: '[a-f0-9]{32}',
        example: (g) => g.hex(32),
    }),
    named({
        id: 'launchable-token',
        provider: 'Launchable',
        description: 'Launchable token',
        names: ['launchable_token'],
        value: 'v1:[A-Za-z0-9_/-]{3,60}:[A-Za-z0-9]{30,40}',
        example: (g) => 'v1:acme/app:' + g.alnum(32),
    }),
    named({
        id: 'cloudinary-api-secret',
        provider: 'Cloudinary',
        description: 'Cloudinary API secret',
        names: ['cloudinary'],
        value: '[A-Za-z0-9_-]{27}',
        entropy: 3.8,
        example: (g) => g.b64url(27),
    }),
    named({
        id: 'imgur-client-secret',
        provider: 'Imgur',
        description: 'Imgur client secret',
        names: ['imgur'],
        value: '[a-f0-9]{40}',
        example: (g) => g.hex(40),
    }),
    named({
        id: 'zoom-secret',
        provider: 'Zoom',
        description: 'Zoom API / SDK secret',
        names: ['zoom_api_secret', 'zoom_client_secret', 'zoom_sdk_secret'],
        value: '[A-Za-z0-9]{32}',
        entropy: 4,
        example: (g) => g.alnum(32),
    }),
    named({
        id: 'yandex-api-key',
        provider: 'Yandex Cloud',
        description: 'Yandex Cloud API key or IAM token',
        names: ['yandex', 'yc_token'],
        value: '(?:AQVN[A-Za-z0-9_-]{35,38}|t1\\.[A-Z0-9a-z_-]{80,200})',
        example: (g) => 'AQVN' + g.b64url(36),
    }),
    named({
        id: 'hashicorp-consul-token',
        provider: 'HashiCorp Consul',
        description: 'Consul ACL token',
        names: ['consul_http_token', 'consul_token'],
        value: '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
        example: (g) => g.uuid(),
    }),
    prefixed({
        id: 'newrelic-query-browser-key',
        provider: 'New Relic',
        description: 'New Relic insights query key (NRIQ-) or browser API key (NRBR-)',
        prefixes: ['nriq-', 'nrbr-'],
        token: '(?:NRIQ-[A-Za-z0-9_-]{32}|NRBR-[a-f0-9]{19})',
        example: (g) => 'NRIQ-' + g.b64url(32),
    }),
    keyed({
        id: 'newrelic-license-key-named',
        provider: 'New Relic',
        description: 'New Relic license or API key named by New Relic (40 characters)',
        keywords: ['newrelic', 'new_relic', 'new-relic', 'nr_license'],
        value: 'h40',
    }),
    prefixed({
        id: 'atlassian-data-center-pat',
        provider: 'Atlassian',
        description: 'Bitbucket Data Center HTTP access token (BBDC-)',
        prefixes: ['bbdc-'],
        token: 'BBDC-[A-Za-z0-9+/@_-]{44}',
        entropy: 4,
        example: (g) => 'BBDC-' + g.b64(44),
    }),
    keyed({
        id: 'jira-confluence-data-center-pat',
        provider: 'Atlassian',
        description: 'Jira / Confluence Data Center personal access token',
        keywords: ['jira', 'confluence', 'atlassian'],
        value: { re: '[MNO][A-Za-z0-9+/]{43}', example: (g) => 'N' + g.b64(43) },
    }),
    prefixed({
        id: 'voiceflow-api-key',
        provider: 'Voiceflow',
        description: 'Voiceflow Dialog Manager / workspace API key',
        prefixes: ['vf.dm.', 'vf.ws.'],
        token: 'VF\\.(?:DM|WS)\\.[a-f0-9]{24}\\.[A-Za-z0-9]{16}',
        example: (g) => 'VF.DM.' + g.hex(24) + '.' + g.alnum(16),
    }),
    prefixed({
        id: 'dependency-track-api-key',
        provider: 'OWASP Dependency-Track',
        description: 'Dependency-Track API key (odt_)',
        prefixes: ['odt_'],
        token: 'odt_[A-Za-z0-9]{8}_[A-Za-z0-9]{32}|odt_[A-Za-z0-9]{32,64}',
        entropy: 3.8,
        example: (g) => 'odt_' + g.alnum(32),
    }),
    keyed({
        id: 'kubernetes-bootstrap-token',
        provider: 'Kubernetes',
        description: 'Kubernetes bootstrap token (kubeadm join --token)',
        keywords: ['kubeadm', 'bootstrap', '--token', 'token-id'],
        value: { re: '[a-z0-9]{6}\\.[a-z0-9]{16}', example: (g) => g.lower(6) + '.' + g.lower(16) },
    }),
    prefixed({
        id: 'ubidots-token',
        provider: 'Ubidots',
        description: 'Ubidots API token (BBFF-)',
        prefixes: ['bbff-'],
        token: 'BBFF-[A-Za-z0-9]{30}',
        example: (g) => 'BBFF-' + g.alnum(30),
    }),
    prefixed({
        id: 'posthog-personal-api-key',
        provider: 'PostHog',
        description: 'PostHog personal API key (phx_)',
        prefixes: ['phx_'],
        token: 'phx_[A-Za-z0-9]{43}',
        example: (g) => 'phx_' + g.alnum(43),
    }),
    prefixed({
        id: 'pubnub-secret-key',
        provider: 'PubNub',
        description: 'PubNub secret key (sec-c-)',
        prefixes: ['sec-c-'],
        token: 'sec-c-[A-Za-z0-9]{48}',
        example: (g) => 'sec-c-' + g.alnum(48),
    }),
    prefixed({
        id: 'maxmind-license-key',
        provider: 'MaxMind',
        description: 'MaxMind license key (_mmk)',
        prefixes: ['_mmk'],
        token: '[A-Za-z0-9]{6}_[A-Za-z0-9]{29}_mmk',
        example: (g) => g.alnum(6) + '_' + g.alnum(29) + '_mmk',
    }),
    prefixed({
        id: 'intra42-client-secret',
        provider: '42 Intra',
        description: '42 Intra client secret',
        prefixes: ['s-s4t2ud-', 's-s4t2af-'],
        token: 's-s4t2(?:ud|af)-[a-f0-9]{64}',
        example: (g) => 's-s4t2ud-' + g.hex(64),
    }),
    prefixed({
        id: 'settlemint-token',
        provider: 'SettleMint',
        description: 'SettleMint personal or application access token',
        prefixes: ['sm_pat_', 'sm_aat_', 'sm_sat_'],
        token: 'sm_(?:pat|aat|sat)_[A-Za-z0-9]{16}',
        example: (g) => 'sm_pat_' + g.alnum(16),
    }),
    prefixed({
        id: 'telnyx-api-key',
        provider: 'Telnyx',
        description: 'Telnyx API v2 key',
        prefixes: ['key0', 'key1', 'key2', 'key3', 'key4', 'key5', 'key6', 'key7', 'key8', 'key9'],
        token: 'KEY[0-9A-F]{32}_[A-Za-z0-9]{22}',
        example: (g) => 'KEY' + g.HEX(32) + '_' + g.alnum(22),
    }),
    prefixed({
        id: 'apify-token',
        provider: 'Apify',
        description: 'Apify API token',
        prefixes: ['apify_api_'],
        token: 'apify_api_[A-Za-z0-9]{36}',
        example: (g) => 'apify_api_' + g.alnum(36),
    }),
];

;// CONCATENATED MODULE: ./src/core/secrets/rules/long-tail.ts

/**
 * The long tail: providers whose tokens are a plain character class (32 hex, 40 alphanumerics),
 * recognised only by the provider's name close before the value. One builder (`keyed`), one row a
 * provider: the keywords, and the value as a charset code and length (`h` hex, `H` upper hex, `l`
 * lower-case alphanumerics, `u` upper-case alphanumerics, `a` alphanumerics, `w` base64url, `b` base64;
 * `uuid`) or a regex of its own. Facts from the providers' formats as public scanners (gitleaks,
 * TruffleHog) detect them; the rows and examples are this project's own.
 */
const ROWS = [
    { provider: 'Abstract API', keywords: ['abstract'], value: 'l32' },
    { provider: 'AbuseIPDB', keywords: ['abuseipdb'], value: 'h80' },
    { provider: 'AccuWeather', keywords: ['accuweather'], value: 'a32-35' },
    { provider: 'Adzuna', keywords: ['adzuna'], value: 'h32' },
    { provider: 'Aeroworkflow', keywords: ['aeroworkflow'], value: 'a20' },
    { provider: 'Agora', keywords: ['agora.io', 'agora_app', 'agora_cert', 'agora_key'], value: 'h32' },
    { provider: 'Airbrake', keywords: ['airbrake'], value: 'h32' },
    { provider: 'Aletheia', keywords: ['aletheiaapi', 'aletheia'], value: 'u32' },
    { provider: 'AlienVault OTX', keywords: ['alienvault', 'otx_key', 'otx_api'], value: 'h64' },
    { provider: 'AllSports', keywords: ['allsports'], value: 'h64' },
    { provider: 'Amadeus', keywords: ['amadeus'], value: 'a32' },
    { provider: 'Ambee', keywords: ['ambee'], value: 'h64' },
    { provider: 'Api2Cart', keywords: ['api2cart'], value: 'h32' },
    { provider: 'ApiFlash', keywords: ['apiflash'], value: 'h32' },
    { provider: 'AppSynergy', keywords: ['appsynergy'], value: 'h64' },
    { provider: 'Artsy', keywords: ['artsy'], value: 'l32' },
    { provider: 'Atera', keywords: ['atera'], value: 'h32' },
    { provider: 'Autoklose', keywords: ['autoklose'], value: 'a32' },
    { provider: 'Aviationstack', keywords: ['aviationstack'], value: 'h32' },
    { provider: 'Aylien', keywords: ['aylien'], value: 'h32' },
    { provider: 'Bannerbear', keywords: ['bannerbear'], value: 'a22' },
    { provider: 'Baremetrics', keywords: ['baremetrics'], value: 'w25' },
    { provider: 'Beebole', keywords: ['beebole'], value: 'h40' },
    { provider: 'Besnappy', keywords: ['besnappy'], value: 'h64' },
    { provider: 'Bitbar', keywords: ['bitbar'], value: 'a32' },
    { provider: 'BitcoinAverage', keywords: ['bitcoinaverage'], value: 'a43' },
    { provider: 'Bitfinex', keywords: ['bitfinex'], value: 'a43' },
    { provider: 'Bitly', keywords: ['bitly'], value: 'h40' },
    { provider: 'BitMEX', keywords: ['bitmex'], value: 'w48' },
    { provider: 'Bittrex', keywords: ['bittrex'], value: 'l32' },
    { provider: 'Blablabus', keywords: ['blablabus'], value: 'a22' },
    { provider: 'BlazeMeter', keywords: ['blazemeter'], value: 'h64' },
    { provider: 'Blitapp', keywords: ['blitapp'], value: 'a39' },
    { provider: 'Boostnote', keywords: ['boostnote'], value: 'h64' },
    { provider: 'Brandfetch', keywords: ['brandfetch'], value: 'a40' },
    { provider: 'BrowserStack', keywords: ['browserstack'], value: 'a20' },
    { provider: 'Browshot', keywords: ['browshot'], value: 'a28' },
    { provider: 'BscScan', keywords: ['bscscan'], value: 'u34' },
    { provider: 'BuddyNS', keywords: ['buddyns'], value: 'h40' },
    { provider: 'ButterCMS', keywords: ['buttercms'], value: 'h40' },
    { provider: 'Calendarific', keywords: ['calendarific'], value: 'h40' },
    { provider: 'CalorieNinjas', keywords: ['calorieninja'], value: 'a40' },
    { provider: 'Capsule CRM', keywords: ['capsulecrm'], value: 'a64' },
    { provider: 'Captain Data', keywords: ['captaindata'], value: 'h64' },
    { provider: 'Carbon Interface', keywords: ['carboninterface'], value: 'a21' },
    { provider: 'Censys', keywords: ['censys'], value: 'a32' },
    { provider: 'Centralstation CRM', keywords: ['centralstationcrm'], value: 'a30' },
    { provider: 'CEX.IO', keywords: ['cexio', 'cex.io'], value: 'a30' },
    { provider: 'ChartMogul', keywords: ['chartmogul'], value: 'h32' },
    { provider: 'Checkly', keywords: ['checkly'], value: 'h32' },
    { provider: 'Cicero', keywords: ['cicero'], value: 'h40' },
    { provider: 'Clarifai', keywords: ['clarifai'], value: 'h32' },
    { provider: 'Clockify', keywords: ['clockify'], value: 'a48' },
    { provider: 'Cisco Meraki', keywords: ['meraki'], value: 'h40' },
    { provider: 'Codacy', keywords: ['codacy'], value: 'a32' },
    { provider: 'Code Climate', keywords: ['codeclimate'], value: 'h64' },
    { provider: 'CoinAPI', keywords: ['coinapi'], value: 'uuid' },
    { provider: 'Coinlayer', keywords: ['coinlayer'], value: 'h32' },
    { provider: 'ConvertAPI', keywords: ['convertapi'], value: 'a16' },
    { provider: 'ConvertKit', keywords: ['convertkit'], value: 'a22' },
    { provider: 'Countrylayer', keywords: ['countrylayer'], value: 'h32' },
    { provider: 'Coveralls', keywords: ['coveralls'], value: 'a33-37' },
    { provider: 'CryptoCompare', keywords: ['cryptocompare'], value: 'h64' },
    { provider: 'Currencycloud', keywords: ['currencycloud'], value: 'h64' },
    { provider: 'CurrencyFreaks', keywords: ['currencyfreaks'], value: 'h32' },
    { provider: 'Currencylayer', keywords: ['currencylayer'], value: 'h32' },
    { provider: 'CurrencyScoop', keywords: ['currencyscoop'], value: 'a32' },
    { provider: 'Currents API', keywords: ['currentsapi'], value: 'w48' },
    { provider: 'Customer.io', keywords: ['customerio', 'customer.io'], value: 'h32' },
    { provider: 'Dareboost', keywords: ['dareboost'], value: 'a60' },
    { provider: 'Deepgram', keywords: ['deepgram'], value: 'h40' },
    { provider: 'Delighted', keywords: ['delighted'], value: 'a32' },
    { provider: 'DetectLanguage', keywords: ['detectlanguage'], value: 'h32' },
    { provider: 'Diffbot', keywords: ['diffbot'], value: 'h32' },
    { provider: 'Disqus', keywords: ['disqus'], value: 'a64' },
    { provider: 'Docparser', keywords: ['docparser'], value: 'h40' },
    { provider: 'DocuSign', keywords: ['docusign'], value: 'uuid' },
    { provider: 'Dwolla', keywords: ['dwolla'], value: 'a50' },
    { provider: 'Dynalist', keywords: ['dynalist'], value: 'a128' },
    { provider: 'Edamam', keywords: ['edamam'], value: 'h32' },
    { provider: 'Elastic Email', keywords: ['elasticemail'], value: 'u96' },
    { provider: 'ExchangeRate-API', keywords: ['exchangerate'], value: 'h24' },
    { provider: 'Exchangerates API', keywords: ['exchangeratesapi'], value: 'h32' },
    { provider: 'ExtractorAPI', keywords: ['extractorapi'], value: 'h40' },
    { provider: 'Facebook app secret', keywords: ['facebook', 'fb_secret', 'fb_app_secret'], value: 'h32' },
    { provider: 'Financial Modeling Prep', keywords: ['financialmodelingprep', 'fmp_api'], value: 'a32' },
    { provider: 'Finicity', keywords: ['finicity'], value: 'h32' },
    { provider: 'Finnhub', keywords: ['finnhub'], value: 'l20' },
    { provider: 'Fixer', keywords: ['fixer.io', 'fixerio', 'fixer_api'], value: 'h32' },
    { provider: 'Flickr', keywords: ['flickr'], value: 'h32' },
    { provider: 'Foursquare', keywords: ['foursquare'], value: 'u48' },
    { provider: 'FreshBooks', keywords: ['freshbooks'], value: 'h64' },
    { provider: 'Geoapify', keywords: ['geoapify'], value: 'h32' },
    { provider: 'Geocodio', keywords: ['geocodio'], value: 'h39' },
    { provider: 'GetResponse', keywords: ['getresponse'], value: 'l32' },
    { provider: 'Gitter', keywords: ['gitter'], value: 'w40' },
    { provider: 'GTmetrix', keywords: ['gtmetrix'], value: 'h32' },
    { provider: 'Gumroad', keywords: ['gumroad'], value: 'w43' },
    { provider: 'Gyazo', keywords: ['gyazo'], value: 'w43' },
    { provider: 'HappyScribe', keywords: ['happyscribe'], value: 'a24' },
    { provider: 'HelloSign', keywords: ['hellosign'], value: 'h64' },
    { provider: 'HubSpot legacy API key', keywords: ['hubspot', 'hapikey'], value: 'uuid' },
    { provider: 'Holiday API', keywords: ['holidayapi'], value: 'uuid' },
    { provider: 'Hunter', keywords: ['hunter.io', 'hunterio', 'hunter_api'], value: 'h40' },
    { provider: 'Insightly', keywords: ['insightly'], value: 'uuid' },
    { provider: 'Integromat', keywords: ['integromat'], value: 'uuid' },
    { provider: 'ipapi', keywords: ['ipapi'], value: 'h32' },
    { provider: 'IPGeolocation', keywords: ['ipgeolocation'], value: 'h32' },
    { provider: 'ipinfodb', keywords: ['ipinfodb'], value: 'h64' },
    { provider: 'IPQualityScore', keywords: ['ipquality'], value: 'a32' },
    { provider: 'ipstack', keywords: ['ipstack'], value: 'h32' },
    { provider: 'JotForm', keywords: ['jotform'], value: 'l32' },
    { provider: 'JumpCloud', keywords: ['jumpcloud'], value: 'h40' },
    { provider: 'KuCoin', keywords: ['kucoin'], value: 'h24' },
    { provider: 'Languagelayer', keywords: ['languagelayer'], value: 'h32' },
    { provider: 'Last.fm', keywords: ['lastfm', 'last.fm'], value: 'h32' },
    { provider: 'LinkedIn client secret', keywords: ['linkedin'], value: 'a16' },
    { provider: 'LinkPreview', keywords: ['linkpreview'], value: 'h32' },
    { provider: 'LocationIQ', keywords: ['locationiq'], value: 'h32' },
    { provider: 'Looker', keywords: ['looker'], value: 'a24' },
    { provider: 'Loyverse', keywords: ['loyverse'], value: 'h32' },
    { provider: 'MadKudu', keywords: ['madkudu'], value: 'h32' },
    { provider: 'Mailboxlayer', keywords: ['mailboxlayer'], value: 'h32' },
    { provider: 'MailerLite', keywords: ['mailerlite'], value: 'h32' },
    { provider: 'MapQuest', keywords: ['mapquest'], value: 'a32' },
    { provider: 'Marketstack', keywords: ['marketstack'], value: 'h32' },
    { provider: 'Mattermost access token', keywords: ['mattermost'], value: 'l26' },
    { provider: 'Mavenlink', keywords: ['mavenlink'], value: 'h64' },
    { provider: 'MeaningCloud', keywords: ['meaningcloud'], value: 'h32' },
    { provider: 'Mediastack', keywords: ['mediastack'], value: 'h32' },
    { provider: 'Mesibo', keywords: ['mesibo'], value: 'a64' },
    { provider: 'MessageBird access key', keywords: ['messagebird'], value: 'a25' },
    { provider: 'Mixmax', keywords: ['mixmax'], value: 'uuid' },
    { provider: 'MonkeyLearn', keywords: ['monkeylearn'], value: 'h40' },
    { provider: 'MoonClerk', keywords: ['moonclerk'], value: 'a32' },
    { provider: 'Moosend', keywords: ['moosend'], value: 'uuid' },
    { provider: 'Moralis', keywords: ['moralis'], value: 'a64' },
    { provider: 'Nasdaq Data Link', keywords: ['nasdaq', 'quandl'], value: 'w20' },
    { provider: 'Neutrino API', keywords: ['neutrinoapi', 'neutrino'], value: 'a48' },
    { provider: 'NewsAPI', keywords: ['newsapi'], value: 'h32' },
    { provider: 'NewsCatcher', keywords: ['newscatcher'], value: 'w43' },
    { provider: 'Nexmo', keywords: ['nexmo'], value: 'a16' },
    { provider: 'Numverify', keywords: ['numverify'], value: 'h32' },
    { provider: 'Nutritionix', keywords: ['nutritionix'], value: 'h32' },
    { provider: 'Nylas', keywords: ['nylas'], value: 'a30' },
    { provider: 'New York Times', keywords: ['nytimes'], value: 'w32' },
    {
        provider: 'OANDA',
        keywords: ['oanda'],
        value: { re: '[a-f0-9]{32}-[a-f0-9]{32}', example: (g) => `${g.hex(32)}-${g.hex(32)}` },
    },
    { provider: 'OneLogin', keywords: ['onelogin'], value: 'h64' },
    { provider: 'OneSignal', keywords: ['onesignal'], value: 'l48' },
    { provider: 'OOPSpam', keywords: ['oopspam'], value: 'a40' },
    { provider: 'OpenCage', keywords: ['opencage'], value: 'h32' },
    { provider: 'OpenUV', keywords: ['openuv'], value: 'h32' },
    { provider: 'OpenWeather', keywords: ['openweather', 'owm_api'], value: 'h32' },
    { provider: 'Optimizely', keywords: ['optimizely'], value: 'w54' },
    { provider: 'Owlbot', keywords: ['owlbot'], value: 'h40' },
    { provider: 'packagecloud', keywords: ['packagecloud'], value: 'h48' },
    { provider: 'PandaDoc', keywords: ['pandadoc'], value: 'h40' },
    { provider: 'PandaScore', keywords: ['pandascore'], value: 'w40' },
    { provider: 'ParallelDots', keywords: ['paralleldots'], value: 'a43' },
    { provider: 'Particle', keywords: ['particle.io', 'particle_token', 'particle_access'], value: 'h40' },
    { provider: 'Pastebin', keywords: ['pastebin'], value: 'a32' },
    { provider: 'PDFLayer', keywords: ['pdflayer'], value: 'h32' },
    { provider: 'PDFShift', keywords: ['pdfshift'], value: 'a32' },
    { provider: 'People Data Labs', keywords: ['peopledatalabs'], value: 'h64' },
    { provider: 'Pepipost', keywords: ['pepipost'], value: 'a32' },
    { provider: 'Percy', keywords: ['percy_token', 'percy'], value: 'h64' },
    { provider: 'Pipedream', keywords: ['pipedream'], value: 'h32' },
    { provider: 'Pipedrive', keywords: ['pipedrive'], value: 'h40' },
    { provider: 'Pivotal Tracker', keywords: ['pivotaltracker', 'pivotal_tracker'], value: 'h32' },
    { provider: 'Polygon.io', keywords: ['polygon.io', 'polygon_api', 'polygonio'], value: 'a32' },
    { provider: 'Positionstack', keywords: ['positionstack'], value: 'h32' },
    { provider: 'PostageApp', keywords: ['postageapp'], value: 'a32' },
    { provider: 'ProdPad', keywords: ['prodpad'], value: 'h64' },
    { provider: 'protocols.io', keywords: ['protocols.io', 'protocolsio'], value: 'h64' },
    { provider: 'ProxyCrawl', keywords: ['proxycrawl', 'crawlbase'], value: 'a22' },
    { provider: 'PureStake', keywords: ['purestake'], value: 'a40' },
    { provider: 'Qase', keywords: ['qase'], value: 'a40' },
    { provider: 'RapidAPI', keywords: ['rapidapi'], value: 'w50' },
    { provider: 'RAWG', keywords: ['rawg'], value: 'h32' },
    { provider: 'Rebrandly', keywords: ['rebrandly'], value: 'h32' },
    { provider: 'Restpack', keywords: ['restpack'], value: 'a48' },
    { provider: 'RiteKit', keywords: ['ritekit'], value: 'h44' },
    { provider: 'RocketReach', keywords: ['rocketreach'], value: 'a39' },
    { provider: 'Rockset', keywords: ['rockset'], value: 'a64' },
    { provider: 'Sauce Labs', keywords: ['saucelabs', 'sauce_access'], value: 'uuid' },
    { provider: 'ScrapeOwl', keywords: ['scrapeowl'], value: 'h40' },
    { provider: 'ScraperAPI', keywords: ['scraperapi'], value: 'h32' },
    { provider: 'ScraperBox', keywords: ['scraperbox'], value: 'u32' },
    { provider: 'Scrapestack', keywords: ['scrapestack'], value: 'h32' },
    { provider: 'ScrapingAnt', keywords: ['scrapingant'], value: 'h32' },
    { provider: 'ScrapingBee', keywords: ['scrapingbee'], value: 'u80' },
    { provider: 'Screenshotlayer', keywords: ['screenshotlayer'], value: 'h32' },
    { provider: 'SecurityTrails', keywords: ['securitytrails'], value: 'a32' },
    { provider: 'Sendbird', keywords: ['sendbird'], value: 'h40' },
    { provider: 'SerpHouse', keywords: ['serphouse'], value: 'a64' },
    { provider: 'Serpstack', keywords: ['serpstack'], value: 'h32' },
    { provider: 'Shodan', keywords: ['shodan'], value: 'a32' },
    { provider: 'Shotstack', keywords: ['shotstack'], value: 'a40' },
    { provider: 'Shutterstock', keywords: ['shutterstock'], value: 'a32' },
    { provider: 'SigOpt', keywords: ['sigopt'], value: 'a48' },
    { provider: 'Sinch', keywords: ['sinch'], value: 'h32' },
    { provider: 'Siteleaf', keywords: ['siteleaf'], value: 'h32' },
    { provider: 'SkyBiometry', keywords: ['skybiometry'], value: 'a25' },
    { provider: 'Smartsheet', keywords: ['smartsheet'], value: 'a37' },
    {
        provider: 'SonarQube legacy token',
        keywords: ['sonar.login', 'sonar_token', 'sonarqube', 'sonarcloud'],
        value: 'h40',
    },
    { provider: 'Spoonacular', keywords: ['spoonacular'], value: 'h32' },
    { provider: 'Sportmonks', keywords: ['sportmonks'], value: 'a60' },
    { provider: 'Squarespace', keywords: ['squarespace'], value: 'uuid' },
    { provider: 'SSLMate', keywords: ['sslmate'], value: 'a36' },
    { provider: 'StatusCake', keywords: ['statuscake'], value: 'a20' },
    { provider: 'StockData', keywords: ['stockdata'], value: 'a40' },
    { provider: 'Storyblok', keywords: ['storyblok'], value: 'a22' },
    { provider: 'Strava', keywords: ['strava'], value: 'h40' },
    { provider: 'Swiftype', keywords: ['swiftype'], value: 'w20' },
    { provider: 'TaxJar', keywords: ['taxjar'], value: 'h32' },
    { provider: 'TextMagic', keywords: ['textmagic'], value: 'a30' },
    { provider: 'The Odds API', keywords: ['oddsapi', 'the-odds-api'], value: 'h32' },
    { provider: 'Ticketmaster', keywords: ['ticketmaster'], value: 'a32' },
    { provider: 'Tiingo', keywords: ['tiingo'], value: 'h40' },
    { provider: 'Todoist', keywords: ['todoist'], value: 'h40' },
    { provider: 'Toggl Track', keywords: ['toggl'], value: 'h32' },
    { provider: 'Tomorrow.io', keywords: ['tomorrow.io', 'tomorrowio'], value: 'a32' },
    { provider: 'TomTom', keywords: ['tomtom'], value: 'a32' },
    { provider: 'Tradier', keywords: ['tradier'], value: 'a28' },
    { provider: 'Travelpayouts', keywords: ['travelpayouts'], value: 'h32' },
    { provider: 'Travis CI', keywords: ['travis'], value: 'w22' },
    { provider: 'Twelve Data', keywords: ['twelvedata'], value: 'h32' },
    { provider: 'Twitch client secret', keywords: ['twitch'], value: 'l30' },
    { provider: 'Tyntec', keywords: ['tyntec'], value: 'a32' },
    { provider: 'uClassify', keywords: ['uclassify'], value: 'a12' },
    { provider: 'Unsplash', keywords: ['unsplash'], value: 'w43' },
    { provider: 'UPC Database', keywords: ['upcdatabase'], value: 'H32' },
    { provider: 'UpLead', keywords: ['uplead'], value: 'h32' },
    { provider: 'Uploadcare', keywords: ['uploadcare'], value: 'h20' },
    { provider: 'Upwave', keywords: ['upwave'], value: 'h32' },
    { provider: 'urlscan.io', keywords: ['urlscan'], value: 'uuid' },
    { provider: 'Userstack', keywords: ['userstack'], value: 'h32' },
    { provider: 'Vatlayer', keywords: ['vatlayer'], value: 'h32' },
    { provider: 'Verimail', keywords: ['verimail'], value: 'u32' },
    { provider: 'Veriphone', keywords: ['veriphone'], value: 'H32' },
    { provider: 'VersionEye', keywords: ['versioneye'], value: 'a40' },
    { provider: 'VirusTotal', keywords: ['virustotal'], value: 'h64' },
    { provider: 'Visual Crossing', keywords: ['visualcrossing'], value: 'u25' },
    { provider: 'vpnapi.io', keywords: ['vpnapi'], value: 'h32' },
    { provider: 'Walk Score', keywords: ['walkscore'], value: 'h32' },
    { provider: 'Weatherbit', keywords: ['weatherbit'], value: 'h32' },
    { provider: 'Weatherstack', keywords: ['weatherstack'], value: 'h32' },
    { provider: 'Webex', keywords: ['webex'], value: 'a64' },
    { provider: 'Webflow', keywords: ['webflow'], value: 'h64' },
    { provider: 'Web Scraper', keywords: ['webscraper'], value: 'a60' },
    { provider: 'WebsitePulse', keywords: ['websitepulse'], value: 'h32' },
    { provider: 'Whoxy', keywords: ['whoxy'], value: 'a33' },
    { provider: 'Wistia', keywords: ['wistia'], value: 'h64' },
    { provider: 'Worksnaps', keywords: ['worksnaps'], value: 'a40' },
    { provider: 'Workstack', keywords: ['workstack'], value: 'a60' },
    { provider: 'WorldCoinIndex', keywords: ['worldcoinindex'], value: 'a35' },
    { provider: 'World Weather Online', keywords: ['worldweatheronline'], value: 'h31' },
    { provider: 'Yelp', keywords: ['yelp'], value: 'w128' },
    { provider: 'YNAB', keywords: ['ynab', 'youneedabudget'], value: 'h64' },
    { provider: 'Yousign', keywords: ['yousign'], value: 'h32' },
    { provider: 'ZenRows', keywords: ['zenrows'], value: 'h40' },
    { provider: 'ZeroBounce', keywords: ['zerobounce'], value: 'h32' },
    { provider: 'ZipAPI', keywords: ['zipapi'], value: 'h32' },
    { provider: 'ZipCodeAPI', keywords: ['zipcodeapi'], value: 'a64' },
    { provider: 'Zulip', keywords: ['zulip'], value: 'a32' },
    { provider: 'Etsy', keywords: ['etsy'], value: 'l24' },
    { provider: 'Adobe client id', keywords: ['adobe'], value: 'h32' },
    { provider: 'Algolia API key', keywords: ['algolia'], value: 'l32' },
    { provider: 'Alibaba secret', keywords: ['alibaba'], value: 'a30' },
    { provider: 'Zendesk API token', keywords: ['zendesk'], value: 'a40' },
    { provider: 'Sentry auth token', keywords: ['sentry'], value: 'h64' },
    { provider: 'Okta API token', keywords: ['okta'], value: 'w42' },
    { provider: 'Cloudflare global API key', keywords: ['cloudflare'], value: 'h37' },
    { provider: 'Heroku API key', keywords: ['heroku'], value: 'uuid', id: 'heroku-api-key-keyed' },
    { provider: 'Mailchimp', keywords: ['mailchimp'], value: 'h32', id: 'mailchimp-keyed' },
    { provider: 'LaunchDarkly', keywords: ['launchdarkly'], value: 'uuid', id: 'launchdarkly-keyed' },
    { provider: 'Datadog app key', keywords: ['datadog'], value: 'h40' },
    { provider: 'PagerDuty', keywords: ['pagerduty'], value: 'w20', id: 'pagerduty-keyed' },
    { provider: 'Contentful', keywords: ['contentful'], value: 'w43', id: 'contentful-keyed' },
    { provider: 'Asana', keywords: ['asana'], value: 'a32', id: 'asana-keyed' },
    { provider: 'Bitbucket', keywords: ['bitbucket'], value: 'w32', id: 'bitbucket-keyed' },
    { provider: 'Confluent', keywords: ['confluent'], value: 'a16', id: 'confluent-keyed' },
    { provider: 'Dynatrace', keywords: ['dynatrace'], value: 'a32', id: 'dynatrace-keyed' },
    { provider: 'Freshdesk', keywords: ['freshdesk'], value: 'a20', id: 'freshdesk-keyed' },
    { provider: 'Intercom', keywords: ['intercom'], value: 'w60', id: 'intercom-keyed' },
    { provider: 'Mapbox', keywords: ['mapbox'], value: 'a32', id: 'mapbox-keyed' },
    { provider: 'Pusher', keywords: ['pusher'], value: 'h20', id: 'pusher-keyed' },
    { provider: 'Plivo', keywords: ['plivo'], value: 'a40', id: 'plivo-keyed' },
    { provider: 'Twilio', keywords: ['twilio'], value: 'h32', id: 'twilio-keyed' },
    { provider: 'Segment', keywords: ['segment_write', 'segment_key'], value: 'a32', id: 'segment-keyed' },
    { provider: 'Netlify', keywords: ['netlify'], value: 'w43', id: 'netlify-keyed' },
    { provider: 'Typeform', keywords: ['typeform'], value: 'a44', id: 'typeform-keyed' },
    { provider: 'Rollbar', keywords: ['rollbar'], value: 'h32', id: 'rollbar-keyed' },
    { provider: 'Honeycomb', keywords: ['honeycomb'], value: 'a22', id: 'honeycomb-keyed' },
    { provider: 'Bugsnag', keywords: ['bugsnag'], value: 'h32', id: 'bugsnag-keyed' },
    { provider: 'Lokalise', keywords: ['lokalise'], value: 'h40', id: 'lokalise-keyed' },
    { provider: 'Crowdin', keywords: ['crowdin'], value: 'h80', id: 'crowdin-keyed' },
    { provider: 'Fastly', keywords: ['fastly'], value: 'w32', id: 'fastly-keyed' },
    { provider: 'Mailjet', keywords: ['mailjet'], value: 'h32', id: 'mailjet-keyed' },
    { provider: 'Zoom', keywords: ['zoom_'], value: 'a32', id: 'zoom-keyed' },
    { provider: 'Spotify', keywords: ['spotify'], value: 'h32', id: 'spotify-keyed' },
    { provider: 'Mixpanel', keywords: ['mixpanel'], value: 'h32', id: 'mixpanel-keyed' },
    { provider: 'Amplitude', keywords: ['amplitude'], value: 'h32', id: 'amplitude-keyed' },
    { provider: 'Cloudinary', keywords: ['cloudinary'], value: 'w27', id: 'cloudinary-keyed' },
    { provider: 'Imgur', keywords: ['imgur'], value: 'h40', id: 'imgur-keyed' },
    { provider: 'Box', keywords: ['box_client', 'box_developer', 'box_token'], value: 'a32', id: 'box-keyed' },
    { provider: 'Dropbox', keywords: ['dropbox'], value: 'a15', id: 'dropbox-keyed' },
    { provider: 'Kraken', keywords: ['kraken'], value: 'b86-88', id: 'kraken-keyed' },
    { provider: 'Coinbase', keywords: ['coinbase'], value: 'a32', id: 'coinbase-keyed' },
    { provider: 'Binance', keywords: ['binance'], value: 'a64', id: 'binance-keyed' },
    { provider: 'Etherscan', keywords: ['etherscan'], value: 'u34', id: 'etherscan-keyed' },
    { provider: 'Alchemy', keywords: ['alchemy'], value: 'w32', id: 'alchemy-keyed' },
    { provider: 'Infura', keywords: ['infura'], value: 'h32', id: 'infura-keyed' },
    { provider: 'Pinecone', keywords: ['pinecone'], value: 'uuid', id: 'pinecone-keyed' },
    { provider: 'Elastic', keywords: ['elastic_api', 'elasticsearch_api'], value: 'b40-80', id: 'elastic-keyed' },
    { provider: 'Postmark', keywords: ['postmark'], value: 'uuid', id: 'postmark-keyed' },
    { provider: 'Square', keywords: ['square_access', 'square_token'], value: 'w64', id: 'square-keyed' },
    { provider: 'Shippo', keywords: ['shippo'], value: 'h40', id: 'shippo-keyed' },
    { provider: 'Lob', keywords: ['lob_api', 'lob_key', 'lob_secret'], value: 'h34', id: 'lob-keyed' },
    { provider: 'EasyPost', keywords: ['easypost'], value: 'a22', id: 'easypost-keyed' },
    { provider: 'Razorpay', keywords: ['razorpay'], value: 'a24', id: 'razorpay-keyed' },
    { provider: 'Paystack', keywords: ['paystack'], value: 'h40', id: 'paystack-keyed' },
    { provider: 'Mollie', keywords: ['mollie'], value: 'a30', id: 'mollie-keyed' },
    { provider: 'Duffel', keywords: ['duffel'], value: 'w43', id: 'duffel-keyed' },
    { provider: 'Zapier', keywords: ['zapier'], value: 'h32', id: 'zapier-keyed' },
    { provider: 'Salesforce', keywords: ['salesforce'], value: 'a24', id: 'salesforce-keyed' },
    { provider: 'Snowflake', keywords: ['snowflake_pass'], value: 'a16', id: 'snowflake-keyed' },
    { provider: 'Firebase database secret', keywords: ['firebase'], value: 'a40' },
    { provider: 'Gemini exchange', keywords: ['gemini_api', 'gemini_secret'], value: 'a28' },
    { provider: 'Wit.ai', keywords: ['wit.ai', 'wit_token'], value: 'u32' },
    { provider: 'ClickSend', keywords: ['clicksend'], value: 'H36' },
    {
        provider: 'Deepl',
        keywords: ['deepl'],
        value: { re: '[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}:fx', example: (g) => `${g.uuid()}:fx` },
    },
    { provider: 'Browserless', keywords: ['browserless'], value: 'uuid' },
    {
        provider: 'Airtable legacy API key',
        keywords: ['airtable'],
        value: { re: 'key[A-Za-z0-9]{14}', example: (g) => `key${g.alnum(14)}` },
    },
    { provider: 'Klaviyo', keywords: ['klaviyo'], value: { re: 'pk_[a-z0-9]{34}', example: (g) => `pk_${g.lower(34)}` } },
    { provider: 'Clearbit', keywords: ['clearbit'], value: { re: 'sk_[a-f0-9]{32}', example: (g) => `sk_${g.hex(32)}` } },
    {
        provider: 'Pushbullet',
        keywords: ['pushbullet'],
        value: { re: 'o\\.[A-Za-z0-9]{32}', example: (g) => `o.${g.alnum(32)}` },
    },
    {
        provider: 'Pixabay',
        keywords: ['pixabay'],
        value: { re: '[0-9]{8}-[a-f0-9]{25}', example: (g) => `${g.digits(8)}-${g.hex(25)}` },
    },
    {
        provider: 'Scrapfly',
        keywords: ['scrapfly'],
        value: { re: 'scp-live-[a-f0-9]{32}', example: (g) => `scp-live-${g.hex(32)}` },
    },
    {
        provider: 'Imagekit',
        keywords: ['imagekit'],
        value: { re: 'private_[A-Za-z0-9+/]{27}=', example: (g) => `private_${g.alnum(27)}=` },
    },
    { provider: 'ipify', keywords: ['ipify'], value: { re: 'at_[A-Za-z0-9]{29}', example: (g) => `at_${g.alnum(29)}` } },
];
const LONG_TAIL_RULES = ROWS.map(keyed);

;// CONCATENATED MODULE: ./src/core/secrets/rules/messaging.ts

/** Chat, email, SMS and push. */
const MESSAGING_RULES = [
    prefixed({
        id: 'slack-token',
        provider: 'Slack',
        description: 'Slack bot, user, app, config or refresh token',
        prefixes: ['xoxb-', 'xoxp-', 'xoxa-', 'xoxr-', 'xoxs-', 'xoxe-', 'xoxe.', 'xapp-'],
        token: '(?:xox[baprs]-[0-9]{10,13}-[0-9A-Za-z-]{10,80}|xoxe(?:\\.xox[bp])?-1-[A-Za-z0-9]{140,170}|xapp-[0-9]-[A-Z0-9]{9,12}-[0-9]{10,14}-[a-z0-9]{40,80})',
        example: (g) => [
            'xoxb-' + g.digits(12) + '-' + g.digits(13) + '-' + g.alnum(24),
            'xapp-1-A' + g.upper(10) + '-' + g.digits(13) + '-' + g.hex(64),
        ],
        window: { before: 20, after: 400 },
    }),
    prefixed({
        id: 'slack-webhook',
        provider: 'Slack',
        description: 'Slack incoming webhook or workflow URL',
        prefixes: ['hooks.slack.com/'],
        token: 'hooks\\.slack\\.com/(?:services/T[A-Z0-9]{6,12}/B[A-Z0-9]{6,12}/[A-Za-z0-9]{23,25}|(?:workflows|triggers)/T[A-Z0-9]{8,12}/A[A-Z0-9]{8,12}/[0-9]{15,20}/[a-f0-9]{32})',
        example: (g) => 'https://hooks.slack.com/services/T' + g.upper(10) + '/B' + g.upper(10) + '/' + g.alnum(24),
    }),
    named({
        id: 'discord-bot-token',
        provider: 'Discord',
        description: 'Discord bot token',
        names: ['discord'],
        value: '[MNO][A-Za-z0-9_-]{23,25}\\.[A-Za-z0-9_-]{6}\\.[A-Za-z0-9_-]{27,38}',
        example: (g) => 'M' + g.b64url(25) + '.' + g.b64url(6) + '.' + g.b64url(38),
    }),
    prefixed({
        id: 'discord-webhook',
        provider: 'Discord',
        description: 'Discord webhook URL',
        prefixes: ['discord.com/api/webhooks/', 'discordapp.com/api/webhooks/'],
        token: 'discord(?:app)?\\.com/api/webhooks/[0-9]{17,20}/[A-Za-z0-9_-]{60,70}',
        example: (g) => 'https://discord.com/api/webhooks/' + g.digits(18) + '/' + g.b64url(68),
    }),
    prefixed({
        id: 'telegram-bot-token',
        provider: 'Telegram',
        description: 'Telegram bot token',
        prefixes: [':aa'],
        token: '[0-9]{8,10}:AA[A-Za-z0-9_-]{33}',
        example: (g) => g.digits(10) + ':AA' + g.b64url(33),
    }),
    named({
        id: 'twilio-auth-token',
        provider: 'Twilio',
        description: 'Twilio auth token or API key secret',
        names: ['twilio'],
        // Auth tokens are 32 hex characters; an API key's secret is 32 alphanumerics. `SK` + 32 hex is the
        // API key's SID and `AC` + 32 hex the account SID (Twilio's Key resource documents the SID pattern):
        // identifiers, not secrets, and 34 characters long, so they do not match.
        value: '[A-Za-z0-9]{32}',
        entropy: 3.2,
        example: (g) => g.hex(32),
        negative: ['TWILIO_API_KEY_SID=SK3f9a1c7e5b2d8a4f6c0e9b1d7a3f5c8e'],
    }),
    prefixed({
        id: 'sendgrid-api-key',
        provider: 'SendGrid',
        description: 'SendGrid API key',
        prefixes: ['sg.'],
        token: 'SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}',
        example: (g) => 'SG.' + g.b64url(22) + '.' + g.b64url(43),
    }),
    prefixed({
        id: 'mailgun-api-key',
        provider: 'Mailgun',
        description: 'Mailgun API key',
        prefixes: ['key-'],
        token: 'key-[a-f0-9]{32}',
        entropy: 3.3,
        example: (g) => 'key-' + g.hex(32),
    }),
    named({
        id: 'mailgun-signing-key',
        provider: 'Mailgun',
        description: 'Mailgun API or webhook signing key',
        names: ['mailgun'],
        value: '[a-f0-9]{32}-[a-f0-9]{8}-[a-f0-9]{8}',
        example: (g) => g.hex(32) + '-' + g.hex(8) + '-' + g.hex(8),
    }),
    prefixed({
        id: 'mailchimp-api-key',
        provider: 'Mailchimp',
        description: 'Mailchimp API key',
        prefixes: ['-us'],
        token: '[a-f0-9]{32}-us[0-9]{1,2}',
        example: (g) => g.hex(32) + '-us14',
    }),
    prefixed({
        id: 'mandrill-api-key',
        provider: 'Mandrill',
        description: 'Mailchimp Transactional (Mandrill) API key',
        prefixes: ['md-'],
        token: 'md-[A-Za-z0-9_-]{22}',
        entropy: 3.8,
        example: (g) => 'md-' + g.b64url(22),
    }),
    named({
        id: 'postmark-token',
        provider: 'Postmark',
        description: 'Postmark server or account token',
        names: ['postmark'],
        value: '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
        example: (g) => g.uuid(),
    }),
    prefixed({
        id: 'brevo-api-key',
        provider: 'Brevo',
        description: 'Brevo (Sendinblue) API or SMTP key',
        prefixes: ['xkeysib-', 'xsmtpsib-'],
        token: 'x(?:keysib|smtpsib)-[a-f0-9]{64}-[A-Za-z0-9]{16}',
        example: (g) => 'xkeysib-' + g.hex(64) + '-' + g.alnum(16),
    }),
    prefixed({
        id: 'resend-api-key',
        provider: 'Resend',
        description: 'Resend API key',
        prefixes: ['re_'],
        token: 're_[A-Za-z0-9]{8}_[A-Za-z0-9]{24}',
        example: (g) => 're_' + g.alnum(8) + '_' + g.alnum(24),
    }),
    named({
        id: 'sparkpost-api-key',
        provider: 'SparkPost',
        description: 'SparkPost API key',
        names: ['sparkpost'],
        value: '[a-f0-9]{40}',
        example: (g) => g.hex(40),
    }),
    named({
        id: 'mailjet-secret',
        provider: 'Mailjet',
        description: 'Mailjet API secret',
        names: ['mailjet', 'mj_apikey'],
        value: '[a-f0-9]{32}',
        example: (g) => g.hex(32),
    }),
    named({
        id: 'vonage-api-secret',
        provider: 'Vonage',
        description: 'Vonage (Nexmo) API secret',
        names: ['vonage', 'nexmo'],
        value: '[A-Za-z0-9]{16}',
        entropy: 3.5,
        example: (g) => g.alnum(16),
    }),
    named({
        id: 'plivo-auth-token',
        provider: 'Plivo',
        description: 'Plivo auth token',
        names: ['plivo'],
        value: '[A-Za-z0-9]{40}',
        entropy: 4,
        example: (g) => g.alnum(40),
    }),
    named({
        id: 'messagebird-key',
        provider: 'MessageBird',
        description: 'MessageBird (Bird) access key',
        names: ['messagebird'],
        value: '[A-Za-z0-9]{25}',
        entropy: 3.8,
        example: (g) => g.alnum(25),
    }),
    named({
        id: 'pusher-secret',
        provider: 'Pusher',
        description: 'Pusher Channels app secret',
        names: ['pusher'],
        value: '[a-f0-9]{20}',
        example: (g) => g.hex(20),
    }),
    prefixed({
        id: 'teams-webhook',
        provider: 'Microsoft Teams',
        description: 'Microsoft Teams incoming webhook URL',
        prefixes: ['webhook.office.com/'],
        token: '[a-z0-9-]{1,40}\\.webhook\\.office\\.com/webhookb2/[a-f0-9-]{36}@[a-f0-9-]{36}/IncomingWebhook/[a-f0-9]{32}/[a-f0-9-]{36}',
        example: (g) => 'acme.webhook.office.com/webhookb2/' +
            g.uuid() +
            '@' +
            g.uuid() +
            '/IncomingWebhook/' +
            g.hex(32) +
            '/' +
            g.uuid(),
    }),
    prefixed({
        id: 'google-chat-webhook',
        provider: 'Google Chat',
        description: 'Google Chat webhook token',
        prefixes: ['chat.googleapis.com/'],
        token: 'chat\\.googleapis\\.com/v1/spaces/[A-Za-z0-9_-]{11}/messages\\?key=[A-Za-z0-9_-]{39}&token=[A-Za-z0-9_%=-]{43,50}',
        example: (g) => 'https://chat.googleapis.com/v1/spaces/' +
            g.b64url(11) +
            '/messages?key=AIza' +
            g.b64url(35) +
            '&token=' +
            g.b64url(43),
    }),
    prefixed({
        id: 'zapier-webhook',
        provider: 'Zapier',
        description: 'Zapier catch hook URL',
        prefixes: ['hooks.zapier.com/'],
        token: 'hooks\\.zapier\\.com/hooks/catch/[0-9]{5,10}/[a-z0-9]{6,8}',
        example: (g) => 'https://hooks.zapier.com/hooks/catch/' + g.digits(7) + '/' + g.lower(7),
    }),
    prefixed({
        id: 'firebase-cloud-messaging-key',
        provider: 'Firebase',
        description: 'Firebase Cloud Messaging legacy server key',
        prefixes: ['apa91b'],
        token: 'AAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{134}',
        entropy: 4,
        example: (g) => 'AAAA' + g.b64url(7) + ':APA91b' + g.b64url(134),
        placeholderFilter: false,
        window: { before: 20, after: 200 },
    }),
    named({
        id: 'mattermost-token',
        provider: 'Mattermost',
        description: 'Mattermost access token',
        names: ['mattermost'],
        value: '[a-z0-9]{26}',
        entropy: 3.8,
        example: (g) => g.lower(26),
    }),
    named({
        id: 'line-channel-token',
        provider: 'LINE',
        description: 'LINE Messaging API channel access token',
        names: ['line_channel', 'line_access'],
        value: '[A-Za-z0-9+/]{171,172}={0,1}',
        entropy: 4.5,
        example: (g) => g.b64(172),
        window: { before: 20, after: 260 },
    }),
    prefixed({
        id: 'power-automate-webhook',
        provider: 'Microsoft Power Automate',
        description: 'Power Automate / Logic Apps HTTP trigger URL with its signature',
        prefixes: ['.logic.azure.com', '.powerplatform.com'],
        token: 'https://[A-Za-z0-9.-]{1,80}\\.(?:logic\\.azure|powerplatform)\\.com(?::443)?/[A-Za-z0-9/._-]{0,120}?workflows/[A-Za-z0-9]{32}/triggers/[A-Za-z0-9_-]{1,40}/paths/invoke[^\\s"\'<>]{0,200}?[?&]sig=[A-Za-z0-9_-]{43}',
        example: (g) => 'https://prod-27.westeurope.logic.azure.com:443/workflows/' +
            g.hex(32) +
            '/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=' +
            g.b64url(43),
    }),
    prefixed({
        id: 'twitch-stream-key',
        provider: 'Twitch',
        description: 'Twitch stream key (live_)',
        prefixes: ['live_'],
        token: 'live_[0-9]{6,12}_[A-Za-z0-9]{30}',
        example: (g) => 'live_' + g.digits(9) + '_' + g.alnum(30),
    }),
];

;// CONCATENATED MODULE: ./src/core/secrets/rules/payments.ts

/** Payments, commerce and finance. */
const PAYMENT_RULES = [
    prefixed({
        id: 'stripe-secret-key',
        provider: 'Stripe',
        description: 'Stripe secret or restricted key',
        prefixes: ['sk_live_', 'rk_live_', 'sk_test_', 'rk_test_'],
        // Stripe's security team (quoted in GitLab's secret-detection issue 458019): live keys are
        // `(sk|rk)_live_` + alphanumerics, "longer key lengths" up to 128.
        token: '[sr]k_(?:live|test)_[A-Za-z0-9]{24,128}',
        validate: (s) => !/^sk_(?:live|test)_[a-f0-9]{40}$/.test(s) /* Paystack's shape */,
        example: (g) => 'sk_live_' + g.alnum(99),
    }),
    prefixed({
        id: 'stripe-webhook-secret',
        provider: 'Stripe',
        description: 'Stripe webhook signing secret',
        prefixes: ['whsec_'],
        token: 'whsec_[A-Za-z0-9]{32,64}',
        example: (g) => 'whsec_' + g.alnum(32),
    }),
    prefixed({
        id: 'square-access-token',
        provider: 'Square',
        description: 'Square access token',
        prefixes: ['eaaa', 'sq0atp-'],
        token: '(?:EAAA[A-Za-z0-9_-]{60}|sq0atp-[A-Za-z0-9_-]{22})',
        example: (g) => 'EAAA' + g.b64url(60),
    }),
    prefixed({
        id: 'square-oauth-secret',
        provider: 'Square',
        description: 'Square OAuth application secret',
        prefixes: ['sq0csp-'],
        token: 'sq0csp-[A-Za-z0-9_-]{43}',
        example: (g) => 'sq0csp-' + g.b64url(43),
    }),
    prefixed({
        id: 'braintree-access-token',
        provider: 'PayPal Braintree',
        description: 'PayPal / Braintree access token',
        prefixes: ['access_token$'],
        token: 'access_token\\$(?:production|sandbox)\\$[a-z0-9]{16}\\$[a-f0-9]{32}',
        example: (g) => 'access_token$production$' + g.lower(16) + '$' + g.hex(32),
    }),
    named({
        id: 'paypal-client-secret',
        provider: 'PayPal',
        description: 'PayPal REST client secret',
        names: ['paypal'],
        value: 'E[A-Za-z0-9_-]{79}',
        entropy: 4,
        example: (g) => 'E' + g.b64url(79),
    }),
    prefixed({
        id: 'adyen-api-key',
        provider: 'Adyen',
        description: 'Adyen API key',
        prefixes: ['aqe'],
        token: 'AQE[a-z][A-Za-z0-9]{3}[A-Za-z0-9+/=_.~-]{90,300}',
        entropy: 4,
        example: (g) => 'AQEyhmfx' + g.b64url(120),
        window: { before: 20, after: 340 },
    }),
    prefixed({
        id: 'shopify-token',
        provider: 'Shopify',
        description: 'Shopify access token or shared secret',
        prefixes: ['shpat_', 'shpca_', 'shppa_', 'shpss_'],
        // Shopify's changelog: a static prefix on a 32-character value (38 in all); hex in practice, but
        // the documentation promises only the length.
        token: 'shp(?:at|ca|pa|ss)_[A-Za-z0-9]{32}',
        entropy: 3.2,
        example: (g) => ['shpat_' + g.hex(32), 'shpss_' + g.alnum(32)],
    }),
    prefixed({
        id: 'razorpay-key',
        provider: 'Razorpay',
        description: 'Razorpay key id',
        prefixes: ['rzp_live_', 'rzp_test_'],
        token: 'rzp_(?:live|test)_[A-Za-z0-9]{14}',
        example: (g) => 'rzp_live_' + g.alnum(14),
    }),
    prefixed({
        id: 'paystack-secret-key',
        provider: 'Paystack',
        description: 'Paystack secret key',
        prefixes: ['sk_live_', 'sk_test_'],
        token: 'sk_(?:live|test)_[a-f0-9]{40}',
        example: (g) => 'sk_test_' + g.hex(40),
    }),
    prefixed({
        id: 'flutterwave-key',
        provider: 'Flutterwave',
        description: 'Flutterwave secret or encryption key',
        prefixes: ['flwseck', 'flwpubk'],
        token: 'FLW(?:SECK|PUBK)(?:_TEST)?-[a-hA-H0-9]{32}-X',
        example: (g) => 'FLWSECK_TEST-' + g.hex(32) + '-X',
    }),
    named({
        id: 'mollie-api-key',
        provider: 'Mollie',
        description: 'Mollie API key',
        names: ['mollie'],
        value: '(?:live|test)_[A-Za-z0-9]{30}',
        example: (g) => 'live_' + g.alnum(30),
    }),
    named({
        id: 'gocardless-token',
        provider: 'GoCardless',
        description: 'GoCardless access token',
        names: ['gocardless'],
        value: '(?:live|sandbox)_[A-Za-z0-9_=-]{40}',
        example: (g) => 'live_' + g.b64url(40),
    }),
    prefixed({
        id: 'plaid-access-token',
        provider: 'Plaid',
        description: 'Plaid access token',
        prefixes: ['access-production-', 'access-sandbox-', 'access-development-'],
        token: 'access-(?:production|sandbox|development)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
        example: (g) => 'access-production-' + g.uuid(),
    }),
    named({
        id: 'plaid-secret',
        provider: 'Plaid',
        description: 'Plaid client secret',
        names: ['plaid'],
        value: '[a-f0-9]{30}',
        example: (g) => g.hex(30),
    }),
    prefixed({
        id: 'easypost-api-key',
        provider: 'EasyPost',
        description: 'EasyPost API key',
        prefixes: ['ezak', 'eztk'],
        token: 'EZ[AT]K[a-zA-Z0-9]{54}',
        example: (g) => 'EZAK' + g.alnum(54),
    }),
    prefixed({
        id: 'shippo-token',
        provider: 'Shippo',
        description: 'Shippo API token',
        prefixes: ['shippo_live_', 'shippo_test_'],
        token: 'shippo_(?:live|test)_[a-f0-9]{40}',
        example: (g) => 'shippo_live_' + g.hex(40),
    }),
    prefixed({
        id: 'duffel-token',
        provider: 'Duffel',
        description: 'Duffel API token',
        prefixes: ['duffel_live_', 'duffel_test_'],
        token: 'duffel_(?:live|test)_[A-Za-z0-9_=-]{43}',
        example: (g) => 'duffel_live_' + g.b64url(43),
    }),
    named({
        id: 'lob-api-key',
        provider: 'Lob',
        description: 'Lob API key',
        names: ['lob_api', 'lob_key', 'lob_secret'],
        value: '(?:live|test)_[a-f0-9]{35}',
        example: (g) => 'live_' + g.hex(35),
    }),
    named({
        id: 'wise-api-token',
        provider: 'Wise',
        description: 'Wise (TransferWise) API token',
        names: ['transferwise', 'wise_api'],
        value: '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
        example: (g) => g.uuid(),
    }),
    named({
        id: 'authorize-net-key',
        provider: 'Authorize.net',
        description: 'Authorize.net transaction key',
        names: ['authorize_net', 'authorizenet', 'transaction_key'],
        value: '[A-Za-z0-9]{16}',
        entropy: 3,
        example: (g) => g.alnum(16),
    }),
    named({
        id: 'coinbase-api-secret',
        provider: 'Coinbase',
        description: 'Coinbase API secret',
        names: ['coinbase'],
        value: '[A-Za-z0-9]{32}',
        entropy: 4,
        example: (g) => g.alnum(32),
    }),
    named({
        id: 'kraken-api-key',
        provider: 'Kraken',
        description: 'Kraken API private key',
        names: ['kraken'],
        value: '[A-Za-z0-9+/]{80,90}={0,2}',
        entropy: 4.5,
        example: (g) => g.b64(86) + '==',
    }),
    named({
        id: 'binance-api-secret',
        provider: 'Binance',
        description: 'Binance API secret',
        names: ['binance'],
        value: '[A-Za-z0-9]{64}',
        entropy: 4.5,
        example: (g) => g.alnum(64),
    }),
    named({
        id: 'alchemy-api-key',
        provider: 'Alchemy',
        description: 'Alchemy API key',
        names: ['alchemy'],
        value: '[A-Za-z0-9_-]{32}',
        entropy: 4,
        example: (g) => g.b64url(32),
    }),
    named({
        id: 'infura-api-key',
        provider: 'Infura',
        description: 'Infura project secret',
        names: ['infura'],
        value: '[a-f0-9]{32}',
        example: (g) => g.hex(32),
    }),
    named({
        id: 'etherscan-api-key',
        provider: 'Etherscan',
        description: 'Etherscan API key',
        names: ['etherscan'],
        value: '[A-Z0-9]{34}',
        entropy: 4,
        example: (g) => g.upper(34),
    }),
    named({
        id: 'checkout-secret-key',
        provider: 'Checkout.com',
        description: 'Checkout.com secret key',
        names: ['checkout_secret', 'cko_secret'],
        value: 'sk_(?:sbox_)?[a-z0-9]{26}',
        example: (g) => 'sk_sbox_' + g.lower(26),
    }),
    prefixed({
        id: 'stripe-payment-intent-secret',
        provider: 'Stripe',
        description: 'Stripe PaymentIntent / SetupIntent client secret',
        severity: 'warning',
        prefixes: ['_secret_'],
        token: '(?:pi|seti)_[A-Za-z0-9]{24}_secret_[A-Za-z0-9]{25}',
        example: (g) => 'pi_' + g.alnum(24) + '_secret_' + g.alnum(25),
    }),
];

;// CONCATENATED MODULE: ./src/core/secrets/rules/registries.ts


/** Package and container registries. */
const REGISTRY_RULES = [
    prefixed({
        id: 'npm-token',
        provider: 'npm',
        description: 'npm access token (CRC32-checked)',
        prefixes: ['npm_'],
        token: 'npm_[A-Za-z0-9]{36}',
        validate: hasValidBase62Checksum,
        example: (g) => withBase62Checksum('npm_', g.alnum(30)),
        negative: ['npm_R8fJk2LmQ9vXw3ZpT6yBn4HcD7sE1aGu5Kio'],
    }),
    named({
        id: 'npmrc-auth-token',
        provider: 'npm',
        description: 'Registry auth token in .npmrc',
        names: ['_authtoken'],
        value: '[A-Za-z0-9+/=_.-]{20,200}',
        // `_authToken=` names the value precisely; legacy npm tokens are UUIDs (about 3.2-3.9 bits/char).
        entropy: 3.0,
        example: (g) => g.b64url(36),
    }),
    prefixed({
        id: 'pypi-token',
        provider: 'PyPI',
        description: 'PyPI or TestPyPI upload token',
        prefixes: ['pypi-age'],
        // A macaroon: after the location (`pypi.org`, in the prefix) it carries an identifier and a 32-byte
        // signature, so a real token has well over 70 base64 characters after the prefix.
        token: 'pypi-AgE(?:IcHlwaS5vcmc|NdGVzdC5weXBpLm9yZw)[A-Za-z0-9_-]{70,300}',
        example: (g) => 'pypi-AgEIcHlwaS5vcmc' + g.b64url(70),
        window: { before: 20, after: 340 },
    }),
    prefixed({
        id: 'rubygems-api-key',
        provider: 'RubyGems',
        description: 'RubyGems API key',
        prefixes: ['rubygems_'],
        token: 'rubygems_[a-f0-9]{48}',
        example: (g) => 'rubygems_' + g.hex(48),
    }),
    prefixed({
        id: 'nuget-api-key',
        provider: 'NuGet',
        description: 'NuGet API key',
        prefixes: ['oy2'],
        token: 'oy2[a-z0-9]{43}',
        entropy: 3.8,
        example: (g) => 'oy2' + g.lower(43),
    }),
    prefixed({
        id: 'docker-hub-token',
        provider: 'Docker Hub',
        description: 'Docker Hub personal or organization access token',
        prefixes: ['dckr_pat_', 'dckr_oat_'],
        token: 'dckr_(?:pat|oat)_[A-Za-z0-9_-]{27,32}',
        example: (g) => 'dckr_pat_' + g.b64url(27),
    }),
    prefixed({
        id: 'docker-config-auth',
        provider: 'Docker',
        description: 'Registry credentials in a Docker config.json',
        prefixes: ['"auth"'],
        token: '"auths?"\\s{0,3}:\\s{0,3}"[A-Za-z0-9+/]{16,300}={0,2}"',
        validate: (_s, m) => /:/.test(Buffer.from(m.replace(/^.*:\s*"|"$/g, ''), 'base64').toString('latin1')),
        example: (g) => '"auth": "' + Buffer.from(`ci-bot:${g.alnum(20)}`).toString('base64') + '"',
    }),
    prefixed({
        id: 'jfrog-api-key',
        provider: 'JFrog',
        description: 'JFrog Artifactory API key or reference token',
        prefixes: ['akcp', 'cmvmdgtuojax'],
        token: '(?:AKCp[A-Za-z0-9]{69}|cmVmdGtuOjAxOj[A-Za-z0-9]{50,70})',
        example: (g) => 'AKCp' + g.alnum(69),
    }),
    prefixed({
        id: 'crates-io-token',
        provider: 'crates.io',
        description: 'crates.io API token',
        prefixes: ['cio'],
        token: 'cio[A-Za-z0-9]{32}',
        entropy: 4,
        example: (g) => 'cio' + g.alnum(32),
    }),
    prefixed({
        id: 'clojars-token',
        provider: 'Clojars',
        description: 'Clojars deploy token',
        prefixes: ['clojars_'],
        token: 'CLOJARS_[a-z0-9]{60}',
        example: (g) => 'CLOJARS_' + g.lower(60),
    }),
    named({
        id: 'packagist-token',
        provider: 'Packagist',
        description: 'Private Packagist token',
        names: ['packagist'],
        value: 'packagist_[a-z]{2,3}_[A-Za-z0-9_]{68}',
        example: (g) => 'packagist_uat_' + g.alnum(68),
    }),
    named({
        id: 'sonatype-token',
        provider: 'Sonatype',
        description: 'Sonatype / Maven Central user token',
        names: ['sonatype', 'ossrh'],
        value: '[A-Za-z0-9+/]{44}',
        entropy: 4.3,
        example: (g) => g.b64(44),
    }),
    named({
        id: 'hex-pm-key',
        provider: 'Hex',
        description: 'Hex.pm API key',
        names: ['hex_api_key', 'hexpm'],
        value: '[a-f0-9]{32}',
        example: (g) => g.hex(32),
    }),
    named({
        id: 'quay-token',
        provider: 'Quay',
        description: 'Quay.io robot token',
        names: ['quay'],
        value: '[A-Z0-9]{64}',
        entropy: 4,
        example: (g) => g.upper(64),
    }),
    named({
        id: 'cloudsmith-api-key',
        provider: 'Cloudsmith',
        description: 'Cloudsmith API key',
        names: ['cloudsmith'],
        value: '[a-f0-9]{40}',
        example: (g) => g.hex(40),
    }),
];

;// CONCATENATED MODULE: ./src/core/secrets/rules/index.ts










/** The built-in rules, provider-specific first; generic rules last (they lose ties). */
const BUILTIN_RULES = [
    ...CLOUD_RULES,
    ...CODE_HOSTING_RULES,
    ...PAYMENT_RULES,
    ...MESSAGING_RULES,
    ...AI_RULES,
    ...REGISTRY_RULES,
    ...INFRA_RULES,
    ...LONG_TAIL_RULES,
    ...CONFIG_CREDENTIAL_RULES,
    ...GENERIC_RULES,
];

;// CONCATENATED MODULE: ./src/core/secrets/fingerprint.ts

/** sha256 of rule id and secret: no line, no path, so it survives edits and moves; never reveals the value. */
function secretFingerprint(ruleId, secret) {
    return (0,external_node_crypto_namespaceObject.createHash)('sha256').update(ruleId).update('\0').update(secret).digest('hex');
}
function createBaseline(matches) {
    const seen = new Map();
    for (const m of matches)
        seen.set(secretFingerprint(m.ruleId, m.secret), m.ruleId);
    const fingerprints = [...seen]
        .map(([fingerprint, ruleId]) => ({ ruleId, fingerprint }))
        .sort((a, b) => a.ruleId.localeCompare(b.ruleId) || a.fingerprint.localeCompare(b.fingerprint));
    return { version: 1, fingerprints };
}
/** Parses a baseline file; throws on anything but version 1 with sha256 hex fingerprints. */
function parseBaseline(json) {
    const data = JSON.parse(json);
    if (!data || data.version !== 1 || !Array.isArray(data.fingerprints)) {
        throw new Error('baseline: expected {"version": 1, "fingerprints": [...]}');
    }
    const out = new Set();
    for (const entry of data.fingerprints) {
        const fp = entry?.fingerprint;
        if (typeof fp !== 'string' || !/^[a-f0-9]{64}$/.test(fp))
            throw new Error('baseline: each fingerprint must be 64 hex characters');
        out.add(fp);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/core/secrets/scan.ts




const DEFAULT_WINDOW = { before: 80, after: 320 };
const TOKEN_CHAR = /[A-Za-z0-9_\-+/=]/;
const compiledCache = new WeakMap();
function compileRules(rules) {
    const cached = compiledCache.get(rules);
    if (cached)
        return cached;
    const keywordIds = new Map();
    const rulesByKeyword = [];
    const everywhere = [];
    const regexes = rules.map((rule, index) => {
        const keywords = rule.keywords.map((k) => k.toLowerCase()).filter((k) => k.length > 0);
        if (keywords.length === 0)
            everywhere.push(index);
        for (const k of new Set(keywords)) {
            let id = keywordIds.get(k);
            if (id === undefined) {
                keywordIds.set(k, (id = rulesByKeyword.length));
                rulesByKeyword.push([]);
            }
            rulesByKeyword[id].push(index);
        }
        const flags = new Set(rule.pattern.flags.split(''));
        flags.add('g');
        // Match indices are only needed when the secret is a capture group.
        if ((rule.secretGroup ?? 0) !== 0)
            flags.add('d');
        flags.delete('y');
        return new RegExp(rule.pattern.source, [...flags].join(''));
    });
    const literals = [...keywordIds.keys()];
    const matcher = literals.length === 0
        ? undefined
        : literals.every((k) => [...k].every((ch) => ch.charCodeAt(0) < 128))
            ? lazyAutomaton(literals)
            : buildRegexMatcher(literals);
    const compiled = {
        rules,
        regexes,
        matcher,
        rulesByKeyword,
        keywordLengths: literals.map((k) => k.length),
        namesProvider: Uint8Array.from(rulesByKeyword, (rs) => (rs.some((r) => rules[r].specificity === 2) ? 1 : 0)),
        everywhere,
    };
    compiledCache.set(rules, compiled);
    return compiled;
}
/** Text scanned without the automaton, in total, before building it pays off (characters). */
const PROBE_BUDGET = 32_768;
/**
 * The automaton costs more to build than a few short texts cost to search keyword by keyword, and a
 * process that scans one prompt (a Codex hook) never needs it: short texts are searched with `indexOf` until
 * {@link PROBE_BUDGET} characters have been, then the automaton is built once for the rest.
 */
function lazyAutomaton(keywords) {
    let automaton;
    let probed = 0;
    return (text, hit) => {
        if (automaton === undefined && probed + text.length <= PROBE_BUDGET) {
            probed += text.length;
            probeKeywords(keywords, text, hit);
            return;
        }
        automaton ??= buildAutomaton(keywords);
        automaton(text, hit);
    };
}
/**
 * Every occurrence of every keyword, ASCII case folded, reported in the automaton's order: by end, and
 * at the same end the longer keyword first.
 */
function probeKeywords(keywords, text, hit) {
    const folded = text.replace(/[A-Z]+/g, (s) => s.toLowerCase());
    const hits = [];
    keywords.forEach((k, id) => {
        for (let at = folded.indexOf(k); at !== -1; at = folded.indexOf(k, at + 1))
            hits.push([at + k.length, k.length, id]);
    });
    hits.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    for (const [end, length, id] of hits)
        hit(id, end - length);
}
/**
 * Aho-Corasick over ASCII keywords as a dense DFA: one table lookup per character of the text, no
 * backtracking, every (overlapping) occurrence reported. Upper-case ASCII letters fold to lower case;
 * any other character outside the keywords' alphabet is one shared class.
 */
function buildAutomaton(keywords) {
    const classOf = new Uint8Array(128);
    let classes = 1;
    for (const k of keywords)
        for (let i = 0; i < k.length; i++) {
            const c = k.charCodeAt(i);
            if (classOf[c] === 0)
                classOf[c] = classes++;
        }
    for (let c = 65; c <= 90; c++)
        classOf[c] = classOf[c + 32];
    // Trie.
    const children = [new Map()];
    const outputs = [[]];
    keywords.forEach((k, id) => {
        let s = 0;
        for (let i = 0; i < k.length; i++) {
            const cl = classOf[k.charCodeAt(i)];
            let next = children[s].get(cl);
            if (next === undefined) {
                next = children.length;
                children.push(new Map());
                outputs.push([]);
                children[s].set(cl, next);
            }
            s = next;
        }
        outputs[s].push(id);
    });
    // Breadth-first: failure links, full transition table, and outputs inherited along failure links.
    const states = children.length;
    const delta = new Int32Array(states * classes);
    const fail = new Int32Array(states);
    const queue = [];
    for (let cl = 0; cl < classes; cl++) {
        const next = children[0].get(cl);
        if (next !== undefined) {
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
            if (next !== undefined) {
                fail[next] = delta[f * classes + cl] / classes;
                delta[s * classes + cl] = next * classes;
                queue.push(next);
            }
            else
                delta[s * classes + cl] = delta[f * classes + cl];
        }
    }
    // A row that reports a keyword is stored negated, so the hot loop tests the sign of the value it loaded.
    for (let i = 0; i < delta.length; i++)
        if (outputs[delta[i] / classes].length)
            delta[i] = -delta[i];
    const lengths = keywords.map((k) => k.length);
    return (text, hit) => {
        let row = 0;
        for (let i = 0, n = text.length; i < n; i++) {
            const c = text.charCodeAt(i);
            row = delta[row + (c < 128 ? classOf[c] : 0)];
            if (row < 0) {
                row = -row;
                for (const id of outputs[row / classes])
                    hit(id, i + 1 - lengths[id]);
            }
        }
    };
}
/** Fallback for keywords outside ASCII: one alternation, case-insensitive, non-overlapping hits. */
function buildRegexMatcher(keywords) {
    const order = keywords.map((k, id) => ({ k, id })).sort((a, b) => b.k.length - a.k.length);
    const ids = new Map(order.map(({ k, id }) => [k, id]));
    const re = new RegExp(order.map(({ k }) => escapeRegExp(k)).join('|'), 'gi');
    return (text, hit) => {
        re.lastIndex = 0;
        let m;
        while ((m = re.exec(text)) !== null) {
            const id = ids.get(m[0].toLowerCase());
            if (id !== undefined)
                hit(id, m.index);
        }
    };
}
function escapeRegExp(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
const combinedCache = new WeakMap();
function selectRules(options) {
    const base = options.rules ?? BUILTIN_RULES;
    const extra = options.extraRules;
    if (!extra || extra.length === 0)
        return base;
    // Keep the combined array stable so its compiled form is cached across calls.
    let inner = combinedCache.get(base);
    if (!inner)
        combinedCache.set(base, (inner = new WeakMap()));
    let combined = inner.get(extra);
    if (!combined)
        inner.set(extra, (combined = [...base, ...extra]));
    return combined;
}
/**
 * Finds secrets in added lines. Lines are joined with `\n` so multi-line secrets (PEM blocks) are seen
 * whole, and offsets are mapped back to the caller's (possibly non-contiguous) line numbers.
 *
 * One pass of a keyword automaton finds where each rule could match; a rule's own regex then runs
 * only in a window around those hits, so the cost is one linear pass plus work near keywords.
 */
function scanSecrets(lines, options = {}) {
    return scanJoinedLines(lines.map((l) => l.text).join('\n'), (i) => lines[i].line, options);
}
/**
 * Scans lines already joined with `\n` (a parsed patch's `addedText`); the i-th of them is the caller's
 * line `lineNumber(i)`. Nothing is allocated per line unless something is found.
 */
function scanJoinedLines(text, lineNumber, options = {}) {
    if (text.length === 0)
        return [];
    return scanJoined(text, options, lineNumber);
}
/** Scans every line of `text`, numbered from 1 (endpoint responses, `codex-hooks scan`). */
function scanText(text, options = {}) {
    // With CRLF the lines (without `\r`) are joined with `\n`, as `scanSecrets` sees them.
    return scanJoinedLines(text.includes('\r') ? text.split(/\r?\n/).join('\n') : text, (i) => i + 1, options);
}
/** Scans `text` (lines joined with `\n`); line positions are computed only when something is found. */
function scanJoined(text, options, lineNumber) {
    const compiled = compileRules(selectRules(options));
    const windows = findWindows(text, compiled);
    const candidates = [];
    for (const [ruleIndex, spans] of windows) {
        const rule = compiled.rules[ruleIndex];
        const re = compiled.regexes[ruleIndex];
        for (let i = 0; i < spans.length; i += 2) {
            collect(text, spans[i], spans[i + 1], rule, ruleIndex, re, candidates);
        }
    }
    if (candidates.length === 0)
        return [];
    const lineStarts = [0];
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1))
        lineStarts.push(at + 1);
    const lineText = (i) => text.slice(lineStarts[i], i + 1 < lineStarts.length ? lineStarts[i + 1] - 1 : text.length);
    const allow = (options.allow ?? []).map((a) => new RegExp(a));
    const matches = [];
    for (const c of pickMostSpecific(candidates, compiled.rules)) {
        const rule = compiled.rules[c.rule];
        const startIndex = indexOfLine(lineStarts, c.start);
        const inlineAllowed = isSuppressedLine(lineText(startIndex));
        if (inlineAllowed && options.keepInlineAllowed !== true)
            continue;
        if (allow.some((a) => a.test(c.secret)))
            continue;
        const fingerprint = secretFingerprint(rule.id, c.secret);
        if (options.baseline?.has(fingerprint))
            continue;
        const endIndex = indexOfLine(lineStarts, Math.max(c.start, c.end - 1));
        matches.push({
            ruleId: rule.id,
            description: rule.description,
            severity: rule.severity ?? 'error',
            line: lineNumber(startIndex),
            endLine: lineNumber(endIndex),
            column: c.start - lineStarts[startIndex] + 1,
            secret: c.secret,
            fingerprint,
            ...(inlineAllowed ? { inlineAllowed: true } : {}),
        });
    }
    return matches.sort((a, b) => a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : 1));
}
/**
 * Per rule, merged [start, end) spans (flat pairs) around keyword hits. A generic rule (specificity 1)
 * ignores a hit inside a key that names a provider (`token` in `RAILWAY_TOKEN`, a keyword of a
 * specificity-2 rule): that provider's rule knows the value's format and judges it.
 */
function findWindows(text, compiled) {
    const windows = new Map();
    if (compiled.everywhere.length > 0) {
        const spans = lineSpans(text, MAX_LINE_FOR_EVERYWHERE);
        for (const r of compiled.everywhere)
            windows.set(r, spans);
    }
    if (!compiled.matcher)
        return windows;
    const { rules, rulesByKeyword, keywordLengths, namesProvider } = compiled;
    const hitKeywords = [];
    const hitStarts = [];
    // Ends of hits of provider-naming keywords (in increasing order) and their starts.
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
    let named = 0;
    for (let h = 0; h < hitKeywords.length; h++) {
        const keyword = hitKeywords[h];
        const hit = hitStarts[h];
        const hitEnd = hit + keywordLengths[keyword];
        while (named < namedEnds.length && namedEnds[named] < hitEnd)
            named++;
        // The key names a provider when a provider-naming keyword contains this hit, overlaps its start, or
        // starts the same key just before it (`RAILWAY_TOKEN`, `MONDAY_API_KEY`, `DATADOG_APP_KEY`).
        let insideName = false;
        for (let j = named - 1; j >= 0 && namedEnds[j] >= hit - 32; j--) {
            const end = namedEnds[j];
            if (namedStarts[j] <= hit && (end > hit || isKeyRun(text, end, hit))) {
                insideName = true;
                break;
            }
        }
        for (let j = named; j < namedEnds.length && namedEnds[j] - hitEnd < 64; j++) {
            if (namedStarts[j] <= hit && (namedStarts[j] !== hit || namedEnds[j] !== hitEnd)) {
                insideName = true;
                break;
            }
        }
        for (const r of rulesByKeyword[keyword]) {
            const rule = rules[r];
            if (insideName && (rule.specificity ?? 3) === 1)
                continue;
            const w = rule.window ?? DEFAULT_WINDOW;
            const start = Math.max(0, hit - w.before);
            const end = Math.min(text.length, hitEnd + w.after);
            let spans = windows.get(r);
            if (!spans)
                windows.set(r, (spans = []));
            // Hits arrive in order of their end; a window either extends or overlaps the last one, or starts after it.
            const last = spans.length - 1;
            if (last > 0 && spans[last] >= start) {
                if (end > spans[last])
                    spans[last] = end;
                if (start < spans[last - 1])
                    spans[last - 1] = start;
            }
            else
                spans.push(start, end);
        }
    }
    return windows;
}
/**
 * A rule without keywords (a custom rule may omit them) runs on each line, and on at most this many characters
 * of it: a user's pattern is never run over a whole file or an unbounded line.
 */
const MAX_LINE_FOR_EVERYWHERE = 4096;
/** [start, end) of each line, each cut to `max` characters, as flat pairs. */
function lineSpans(text, max) {
    const spans = [];
    let start = 0;
    while (start <= text.length) {
        let end = text.indexOf('\n', start);
        if (end === -1)
            end = text.length;
        if (end > start)
            spans.push(start, Math.min(end, start + max));
        start = end + 1;
    }
    return spans;
}
/** `text[from, to)` is made of identifier characters: one key (`_API_`, `.`, `-`). */
function isKeyRun(text, from, to) {
    for (let i = from; i < to; i++) {
        const c = text.charCodeAt(i);
        const ok = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 45;
        if (!ok)
            return false;
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
        // A match cut by the window's edge may be part of a longer string: not this format.
        const matchEnd = from + m.index + m[0].length;
        if (matchEnd === to && to < text.length && TOKEN_CHAR.test(text[to]))
            continue;
        if (m.index === 0 && from > 0 && TOKEN_CHAR.test(text[from - 1]) && TOKEN_CHAR.test(m[0][0]))
            continue;
        const secret = m[group];
        if (secret === undefined)
            continue;
        const at = group === 0 ? m.index : m.indices?.[group]?.[0];
        if (at === undefined)
            continue;
        if (!isLikelySecret(rule, secret, m[0]))
            continue;
        out.push({ rule: ruleIndex, start: from + at, end: from + at + secret.length, secret });
    }
}
function isLikelySecret(rule, secret, match) {
    if (rule.placeholderFilter !== false && isPlaceholder(secret))
        return false;
    if (rule.entropy !== undefined && shannonEntropy(secret) < rule.entropy)
        return false;
    if (rule.validate && !rule.validate(secret, match))
        return false;
    return true;
}
/** Overlapping candidates are one secret: keep the most specific rule, then the longest value. */
function pickMostSpecific(candidates, rules) {
    candidates.sort((a, b) => a.start - b.start || b.end - a.end);
    const out = [];
    let best;
    let clusterEnd = -1;
    const better = (a, b) => {
        const sa = rules[a.rule].specificity ?? 3;
        const sb = rules[b.rule].specificity ?? 3;
        if (sa !== sb)
            return sa > sb;
        if (a.end - a.start !== b.end - b.start)
            return a.end - a.start > b.end - b.start;
        return a.rule < b.rule;
    };
    for (const c of candidates) {
        if (best && c.start < clusterEnd) {
            if (better(c, best))
                best = c;
            clusterEnd = Math.max(clusterEnd, c.end);
            continue;
        }
        if (best)
            out.push(best);
        best = c;
        clusterEnd = c.end;
    }
    if (best)
        out.push(best);
    return out;
}
function indexOfLine(starts, offset) {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= offset)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo;
}

;// CONCATENATED MODULE: ./src/core/secrets/redact.ts
/**
 * The only way a secret is ever shown: a fixed-width hint that is never enough to use.
 * Four characters for normal secrets (a provider prefix such as `AKIA` or `ghp_`); shorter secrets
 * get fewer, so the hint is always well under half of the value.
 */
function secretHint(secret) {
    // A key block's header is public and says what kind of key it is; the body is never shown.
    const pem = /^-----BEGIN [A-Z0-9 ]{1,40}-----/.exec(secret);
    if (pem)
        return `${pem[0]}…`;
    const shown = secret.length >= 12 ? 4 : secret.length >= 8 ? 2 : secret.length >= 4 ? 1 : 0;
    return `${secret.slice(0, shown)}…`;
}

/**
 * The last step before any output: each finding's text (a linter may quote the line it flags; an endpoint may
 * quote a key) is cleared of the secrets already found and of any other the scanner recognises.
 */
function redactFindings(findings, known) {
    const clean = (text) => redactText(text, known);
    return findings.map((f) => {
        const message = clean(f.message);
        const title = f.title !== undefined ? clean(f.title) : undefined;
        const suggestion = f.suggestion !== undefined ? clean(f.suggestion) : undefined;
        if (message === f.message && title === f.title && suggestion === f.suggestion)
            return f;
        return {
            ...f,
            message,
            ...(title !== undefined ? { title } : {}),
            ...(suggestion !== undefined ? { suggestion } : {}),
        };
    });
}
/**
 * Clears text of the secrets already found, then of any other the scanner recognises in it. `view` is what
 * the scanner reads when it differs from the text (a diff without its +/- markers); offsets must match.
 */
function redactText(text, known, view = text) {
    const once = redactSecrets(text, known);
    const seen = view === text ? once : redactSecrets(view, known);
    // An allow marker keeps a secret out of the gate at most; it never makes it sendable or printable.
    const more = scanText(seen, { keepInlineAllowed: true }).map((m) => ({ secret: m.secret, ruleId: m.ruleId }));
    return more.length > 0 ? redactSecrets(once, more) : once;
}
/** Replaces every occurrence of each secret with `[REDACTED:<rule-id>]`. Longest first, so overlaps redact whole. */
function redactSecrets(text, secrets) {
    const ordered = [...secrets].sort((a, b) => b.secret.length - a.secret.length);
    let out = text;
    for (const s of ordered) {
        if (s.secret.length === 0)
            continue;
        out = out.split(s.secret).join(`[REDACTED:${s.ruleId}]`);
    }
    return out;
}

// EXTERNAL MODULE: ./src/core/validators/regex-guard.ts
var regex_guard = __nccwpck_require__(7432);
;// CONCATENATED MODULE: ./src/core/secrets/custom.ts

/** A custom rule the config got wrong; the caller reports it as a configuration error. */
class InvalidSecretRuleError extends Error {
    name = 'InvalidSecretRuleError';
}
const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
/**
 * Turns the config's custom rules into SecretRules. A pattern that does not compile, or whose shape can
 * backtrack catastrophically, is an InvalidSecretRuleError naming the rule; the loader adds file and line.
 * A leading `(?i)` (gitleaks style) becomes the `i` flag.
 */
function compileCustomRules(configs) {
    return configs.map((config) => {
        if (!ID.test(config.id)) {
            throw new InvalidSecretRuleError(`secret rule id '${config.id}' must be kebab-case (a-z, 0-9, -)`);
        }
        let source = config.pattern;
        let flags = '';
        if (source.startsWith('(?i)')) {
            source = source.slice(4);
            flags = 'i';
        }
        let pattern;
        try {
            pattern = new RegExp(source, flags);
        }
        catch (error) {
            throw new InvalidSecretRuleError(`secret rule '${config.id}': pattern does not compile (${error instanceof Error ? error.message : String(error)})`);
        }
        const risk = (0,regex_guard/* checkUserRegex */.Hm)(source, flags);
        if (risk)
            throw new InvalidSecretRuleError(`secret rule '${config.id}': pattern refused: ${risk.reason}`);
        const keywords = (config.keywords ?? []).map((k) => k.toLowerCase());
        // With keywords the regex only sees a window; let the secret reach well past the keyword.
        const secretGroup = new RegExp(`${source}|`).exec('').length > 1 ? 1 : 0;
        return {
            id: config.id,
            description: config.description ?? `Custom secret rule ${config.id}`,
            provider: 'custom',
            keywords,
            pattern,
            secretGroup,
            ...(config.entropy !== undefined ? { entropy: config.entropy } : {}),
            ...(config.severity ? { severity: config.severity } : {}),
            window: { before: 200, after: 1000 },
            specificity: 4,
            examples: { positive: [], negative: [] },
        };
    });
}

;// CONCATENATED MODULE: ./src/core/secrets/index.ts









;// CONCATENATED MODULE: external "node:url"
const external_node_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");
;// CONCATENATED MODULE: ./src/core/validators/command-output.ts


/** Parses a linter's output. Never throws: what it cannot read is counted and described in `notes`. */
function parseCommandOutput(format, output, options) {
    switch (format) {
        case 'unix':
            return parseUnix(`${output.stdout}\n${output.stderr}`, options.workspace);
        case 'json':
            return parseJsonLines(output.stdout, options);
        case 'sarif':
            return parseSarif(output.stdout, options);
        case 'exit-code':
            return { diagnostics: [], notes: [], malformed: 0 };
    }
}
const UNIX_LINE = /^(.+?):(\d+):(?:(\d+):)?\s*(.+)$/;
const ESLINT_SUFFIX = /\s*\[(Error|Warning)\/([^\]\s]+)\]$/;
const LEVEL_PREFIX = /^(error|warning|warn|note|notice|info)\s*:\s*/i;
function parseUnix(text, workspace) {
    const diagnostics = [];
    for (const raw of text.split('\n')) {
        const line = raw.replace(/\r$/, '');
        const m = UNIX_LINE.exec(line);
        if (!m)
            continue; // summaries and blank lines are normal in unix output
        let message = m[4].trim();
        let severity;
        let ruleId;
        const eslint = ESLINT_SUFFIX.exec(message);
        if (eslint) {
            severity = eslint[1] === 'Error' ? 'error' : 'warning';
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
            ...(m[3] !== undefined ? { column: Number(m[3]) } : {}),
            message,
            ...(severity ? { severity } : {}),
            ...(ruleId ? { ruleId } : {}),
        });
    }
    return { diagnostics, notes: [], malformed: 0 };
}
function parseJsonLines(text, options) {
    const diagnostics = [];
    let malformed = 0;
    const trimmed = text.trim();
    let items;
    if (trimmed.startsWith('[')) {
        // A single JSON array is accepted too.
        try {
            items = JSON.parse(trimmed);
        }
        catch {
            items = [];
            malformed++;
        }
    }
    else {
        items = [];
        for (const line of trimmed.split('\n')) {
            if (line.trim() === '')
                continue;
            try {
                items.push(JSON.parse(line));
            }
            catch {
                malformed++;
            }
        }
    }
    for (const item of Array.isArray(items) ? items : []) {
        const d = readJsonDiagnostic(item, options.workspace);
        if (d)
            diagnostics.push(d);
        else
            malformed++;
    }
    const notes = malformed > 0
        ? [
            `${options.tool}: ${malformed} line${malformed === 1 ? '' : 's'} of output ${malformed === 1 ? 'was' : 'were'} not a JSON diagnostic {path, line, message} and ${malformed === 1 ? 'was' : 'were'} ignored`,
        ]
        : [];
    return { diagnostics, notes, malformed };
}
function readJsonDiagnostic(item, workspace) {
    if (typeof item !== 'object' || item === null)
        return undefined;
    const o = item;
    const path = typeof o.path === 'string' ? o.path : typeof o.file === 'string' ? o.file : undefined;
    if (path === undefined || typeof o.message !== 'string')
        return undefined;
    const line = o.line === undefined ? 0 : Number(o.line);
    if (!Number.isInteger(line) || line < 0)
        return undefined;
    const column = Number(o.column);
    const severity = typeof o.severity === 'string' ? toSeverity(o.severity) : undefined;
    const rule = typeof o.rule === 'string' ? o.rule : typeof o.ruleId === 'string' ? o.ruleId : undefined;
    return {
        path: normalizeToolPath(path, workspace),
        line,
        ...(Number.isInteger(column) && column > 0 ? { column } : {}),
        message: o.message,
        ...(severity ? { severity } : {}),
        ...(rule ? { ruleId: rule } : {}),
    };
}
function parseSarif(text, options) {
    let log;
    try {
        log = JSON.parse(text);
    }
    catch (error) {
        return {
            diagnostics: [],
            notes: [`${options.tool}: the output is not SARIF JSON (${error.message}); nothing was read from it`],
            malformed: 1,
        };
    }
    if (typeof log !== 'object' || log === null || !Array.isArray(log.runs)) {
        return {
            diagnostics: [],
            notes: [`${options.tool}: the output has no SARIF 'runs' array; nothing was read from it`],
            malformed: 1,
        };
    }
    const diagnostics = [];
    let malformed = 0;
    for (const run of log.runs) {
        const rules = run.tool?.driver?.rules ?? [];
        for (const result of run.results ?? []) {
            const rule = result.ruleIndex !== undefined ? rules[result.ruleIndex] : rules.find((r) => r.id === result.ruleId);
            const ruleId = result.ruleId ?? rule?.id;
            const physical = result.locations?.[0]?.physicalLocation;
            const artifact = physical?.artifactLocation;
            let uri = artifact?.uri ?? (artifact?.index !== undefined ? run.artifacts?.[artifact.index]?.location?.uri : undefined);
            const message = result.message?.text ?? result.message?.markdown ?? rule?.shortDescription?.text ?? ruleId;
            if (uri === undefined || message === undefined) {
                malformed++;
                continue;
            }
            const base = artifact?.uriBaseId ? run.originalUriBaseIds?.[artifact.uriBaseId]?.uri : undefined;
            if (base !== undefined && !/^[a-z][a-z0-9+.-]*:/i.test(uri))
                uri = base.replace(/\/?$/, '/') + uri;
            const level = result.level ?? rule?.defaultConfiguration?.level ?? 'warning';
            const line = physical?.region?.startLine ?? 0;
            const column = physical?.region?.startColumn;
            diagnostics.push({
                path: normalizeToolPath(uri, options.workspace),
                line,
                ...(column !== undefined ? { column } : {}),
                message,
                severity: toSeverity(level),
                ...(ruleId ? { ruleId } : {}),
            });
        }
    }
    const notes = malformed > 0
        ? [
            `${options.tool}: ${malformed} SARIF result${malformed === 1 ? '' : 's'} without a file location or message ${malformed === 1 ? 'was' : 'were'} ignored`,
        ]
        : [];
    return { diagnostics, notes, malformed };
}
function toSeverity(level) {
    const l = level.toLowerCase();
    if (l === 'error' || l === 'fatal')
        return 'error';
    if (l === 'warning' || l === 'warn')
        return 'warning';
    return 'notice';
}
/**
 * Makes a tool's path comparable with the diff's: `file://` URIs and absolute paths inside the workspace
 * become relative, `./` and backslashes go. A path outside the workspace stays absolute (and matches nothing).
 */
function normalizeToolPath(raw, workspace) {
    let p = raw.trim();
    if (/^file:/i.test(p)) {
        try {
            p = (0,external_node_url_namespaceObject.fileURLToPath)(p);
        }
        catch {
            p = p.replace(/^file:\/\//i, '');
        }
    }
    else if (/%[0-9a-f]{2}/i.test(p)) {
        try {
            p = decodeURIComponent(p);
        }
        catch {
            // keep it as written
        }
    }
    p = p.replace(/\\/g, '/');
    const ws = workspace.replace(/\\/g, '/').replace(/\/+$/, '');
    if (ws !== '' && p.startsWith(`${ws}/`))
        p = p.slice(ws.length + 1);
    return external_node_path_namespaceObject.posix.normalize(p).replace(/^\.\//, '');
}
/**
 * Places diagnostics on the diff: kept when the file is reviewed and the line is in a hunk (added or
 * context: a line GitHub can comment on) or the diagnostic is file-level; otherwise dropped and counted.
 */
function mapDiagnosticsToDiff(diagnostics, files) {
    const kept = [];
    let outsideDiff = 0;
    let notReviewed = 0;
    for (const d of diagnostics) {
        const parsed = files.get(d.path);
        if (!parsed)
            notReviewed++;
        else if (d.line <= 0)
            kept.push({ ...d, line: 0 });
        else if (parsed.commentable.right.has(d.line))
            kept.push(d);
        else
            outsideDiff++;
    }
    return { kept, outsideDiff, notReviewed };
}
/** Reads a command's output and turns it into findings on the diff; `error` when the tool itself failed. */
function toCommandFindings(input, context) {
    const { action, output } = input;
    const format = action.format ?? 'unix';
    const program = action.run.join(' ');
    if (format === 'exit-code') {
        if (output.exitCode === 0)
            return { findings: [], notes: [] };
        return {
            findings: [
                {
                    ruleId: context.ruleId,
                    category: 'validator',
                    severity: action.severity ?? 'error',
                    path: input.passed[0] ?? '',
                    line: 0,
                    message: action.message ?? `'${program}' exited with status ${output.exitCode}`,
                    anchor: `exit-code ${program}`,
                    source: context.source,
                },
            ],
            notes: [],
        };
    }
    const parsed = parseCommandOutput(format, output, { workspace: input.workspace, tool: context.ruleId });
    const notes = [...parsed.notes];
    if (parsed.diagnostics.length === 0 && output.exitCode !== 0) {
        const printed = `${output.stdout}${output.stderr}`.trim() !== '';
        return {
            findings: [],
            notes,
            error: `'${program}' exited with status ${output.exitCode} and ${printed ? `printed nothing readable as ${format}` : 'printed nothing'}`,
        };
    }
    const mapping = mapDiagnosticsToDiff(parsed.diagnostics, input.files);
    const plural = (n) => `${n} finding${n === 1 ? '' : 's'}`;
    if (mapping.outsideDiff > 0)
        notes.push(`${context.ruleId}: ${plural(mapping.outsideDiff)} outside the diff ${mapping.outsideDiff === 1 ? 'was' : 'were'} not reported`);
    if (mapping.notReviewed > 0)
        notes.push(`${context.ruleId}: ${plural(mapping.notReviewed)} on files not under review ${mapping.notReviewed === 1 ? 'was' : 'were'} not reported`);
    const findings = mapping.kept.map((d) => ({
        ruleId: d.ruleId ? `${context.ruleId}/${d.ruleId}` : context.ruleId,
        category: 'validator',
        severity: action.severity ?? d.severity ?? 'warning',
        path: d.path,
        line: d.line,
        ...(d.column !== undefined ? { column: d.column } : {}),
        message: action.message ? `${action.message}: ${d.message}` : d.message,
        anchor: `${d.message}\n${lineText(input.files.get(d.path), d.line) ?? ''}`,
        source: context.source,
    }));
    return { findings, notes };
}
function lineText(parsed, line) {
    if (!parsed || line <= 0)
        return undefined;
    for (const h of parsed.hunks)
        for (const l of h.lines)
            if (l.newLine === line && l.kind !== 'removed')
                return l.text.trim();
    return undefined;
}

;// CONCATENATED MODULE: ./src/core/validators/path.ts


const PRESENT = new Set(['added', 'modified', 'renamed', 'copied', 'changed']);
/** Forbidden paths, a maximum file size, and a companion file that must change too. */
function runPathValidator(action, input, context) {
    const severity = action.severity ?? 'warning';
    const present = input.files.filter((f) => PRESENT.has(f.status));
    const findings = [];
    const notes = [];
    const draft = (path, fallback, anchor) => ({
        ruleId: context.ruleId,
        category: 'path',
        severity,
        path,
        line: 0,
        message: action.message ?? fallback,
        anchor,
        source: context.source,
    });
    for (const glob of action.forbid ?? []) {
        const mm = new esm/* Minimatch */.VR(glob, { dot: true });
        for (const f of present.filter((p) => mm.match(p.path))) {
            findings.push(draft(f.path, `Changes to paths matching '${glob}' are not allowed`, `forbid ${glob}`));
        }
    }
    if (action.max_bytes !== undefined) {
        let unknown = 0;
        for (const f of present) {
            const size = input.sizes?.get(f.path);
            if (size === undefined)
                unknown++;
            else if (size > action.max_bytes) {
                findings.push(draft(f.path, `File is ${size} bytes, over the limit of ${action.max_bytes} bytes`, `max_bytes ${action.max_bytes}`));
            }
        }
        if (unknown > 0)
            notes.push(`${context.ruleId}: the size of ${unknown} file${unknown === 1 ? ' is' : 's are'} unknown; max_bytes was not checked for ${unknown === 1 ? 'it' : 'them'}`);
    }
    if (action.companion) {
        const when = new esm/* Minimatch */.VR(action.companion.when, { dot: true });
        const candidates = (input.allFiles ?? input.files).filter((f) => PRESENT.has(f.status));
        for (const f of present.filter((p) => when.match(p.path))) {
            const wanted = expandCompanion(action.companion.require, f.path);
            const mm = new esm/* Minimatch */.VR(wanted, { dot: true });
            if (candidates.some((c) => c.path !== f.path && mm.match(c.path)))
                continue;
            findings.push(draft(f.path, `${f.path} changed without a companion file matching '${wanted}'`, `companion ${action.companion.require}`));
        }
    }
    return { findings, notes };
}
/**
 * `{name}` → the base name without its last extension, `{dir}` → the directory ('' at the root). Both are
 * escaped, so a file such as `app/[id]/page.tsx` does not turn into a glob class, and braces in a path the pull
 * request chose (`src/{a,b}/{a,b}…`) do not expand into thousands of patterns.
 */
function expandCompanion(template, path) {
    const dir = external_node_path_namespaceObject.posix.dirname(path);
    const base = external_node_path_namespaceObject.posix.basename(path);
    const dot = base.lastIndexOf('.');
    const name = dot > 0 ? base.slice(0, dot) : base;
    let out = template.replaceAll('{name}', escapeGlob(name));
    if (dir === '.')
        out = out.replaceAll('{dir}/', '').replaceAll('{dir}', '');
    else
        out = out.replaceAll('{dir}', escapeGlob(dir));
    return out;
}
/** minimatch's escape, plus braces: brace expansion runs before any other glob syntax. */
function escapeGlob(text) {
    return (0,esm/* escape */.ih)(text).replace(/[{}]/g, '\\$&');
}

;// CONCATENATED MODULE: ./src/core/validators/pattern.ts

/**
 * A regex over added lines. `forbid`: each matching line is a finding at the match's column. `require`: a
 * file with added lines none of which match is one file-level finding (a pure rename or deletion is not).
 * The pattern was checked at load time; each line is tested on its first {@link MAX_TESTED_LINE_LENGTH}
 * characters so one enormous line cannot stall the job.
 */
function runPatternValidator(action, targets, context) {
    const regex = new RegExp(action.pattern, (action.flags ?? '').replace(/[gy]/g, ''));
    const mode = action.mode ?? 'forbid';
    const severity = action.severity ?? 'warning';
    const findings = [];
    let longLines = 0;
    for (const target of targets) {
        let matched = false;
        for (const added of target.added) {
            let text = added.text;
            if (text.length > regex_guard/* MAX_TESTED_LINE_LENGTH */.rS) {
                longLines++;
                text = text.slice(0, regex_guard/* MAX_TESTED_LINE_LENGTH */.rS);
            }
            const m = regex.exec(text);
            if (!m)
                continue;
            matched = true;
            if (mode === 'require')
                break;
            findings.push({
                ruleId: context.ruleId,
                category: 'validator',
                severity,
                path: target.path,
                line: added.line,
                column: m.index + 1,
                message: describe(action, `Added line matches the forbidden pattern /${action.pattern}/`),
                anchor: text.trim(),
                source: context.source,
            });
        }
        if (mode === 'require' && !matched && target.added.length > 0) {
            findings.push({
                ruleId: context.ruleId,
                category: 'validator',
                severity,
                path: target.path,
                line: 0,
                message: describe(action, `No added line matches the required pattern /${action.pattern}/`),
                anchor: `require ${action.pattern}`,
                source: context.source,
            });
        }
    }
    const notes = longLines > 0
        ? [
            `${context.ruleId}: ${longLines} line${longLines === 1 ? ' was' : 's were'} longer than ${regex_guard/* MAX_TESTED_LINE_LENGTH */.rS} characters and checked only in ${longLines === 1 ? 'its' : 'their'} first ${regex_guard/* MAX_TESTED_LINE_LENGTH */.rS}`,
        ]
        : [];
    return { findings, notes };
}
function describe(action, fallback) {
    const message = action.message ?? fallback;
    return action.fix ? `${message} (fix: ${action.fix})` : message;
}

;// CONCATENATED MODULE: ./src/hooks/secret-rules.ts


/** Custom secret rules from the config, compiled by the scanner itself (patterns were checked at load time). */
function toSecretRules(configs) {
    try {
        return compileCustomRules(configs);
    }
    catch (error) {
        // The user wrote the rule: say so as a configuration error, as every other config problem.
        if (error instanceof InvalidSecretRuleError)
            throw new errors/* ConfigurationError */.j1(error.message);
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/hooks/engine.ts








/** Name of the execution record of the built-in secret scan when no hook configures it. */
const BUILTIN_SECRET_SCAN = 'secret-scan';
const DEFAULT_MEMORY_BYTES = 16_000;
const DEFAULT_TIMEOUT_SECONDS = 60;
function hooksFor(config, event) {
    return config.hooks.filter((h) => h.events.includes(event));
}
/** Logger actions of hooks subscribed to `event`, one per output. */
function collectLoggers(config, event) {
    const out = new Map();
    for (const hook of hooksFor(config, event)) {
        for (const a of hook.actions)
            if (a.type === 'logger' && !out.has(a.output))
                out.set(a.output, a);
    }
    return [...out.values()];
}
/** The lead's conversation stage writes each exchange to these. */
function collectConversationLoggers(config) {
    return collectLoggers(config, 'conversation.updated');
}
/** The accepted secrets of a baseline file; a missing or unreadable baseline is a warning, never a crash. */
async function readBaseline(path, ports) {
    if (path === undefined)
        return undefined;
    const text = await ports.readRepositoryFile(path);
    if (text === undefined) {
        ports.logger.warning(`secret-scan: the baseline file '${path}' does not exist; no secret is baselined`);
        return undefined;
    }
    try {
        return parseBaseline(text);
    }
    catch (error) {
        ports.logger.warning(`secret-scan: the baseline file '${path}' is not valid (${error instanceof Error ? error.message : String(error)}); no secret is baselined`);
        return undefined;
    }
}
/** The built-in scan, tuned by every `secret-scan` action of the event's hooks. */
function secretSettings(config, event) {
    const actions = [];
    for (const hook of hooksFor(config, event)) {
        for (const a of hook.actions)
            if (a.type === 'secret-scan')
                actions.push({ hook: hook.name, action: a });
    }
    const custom = actions.flatMap((a) => a.action.rules ?? []);
    return {
        enabled: !actions.some((a) => a.action.enabled === false),
        hook: actions[0]?.hook ?? BUILTIN_SECRET_SCAN,
        allow: actions.flatMap((a) => [...(a.action.allow ?? [])]),
        allowPaths: actions.flatMap((a) => (a.action.allow_paths ?? []).map((g) => new esm/* Minimatch */.VR(g, { dot: true }))),
        rules: custom.length > 0 ? [...BUILTIN_RULES, ...toSecretRules(custom)] : undefined,
        baseline: actions.find((a) => a.action.baseline !== undefined)?.action.baseline,
        inlineAllow: actions.some((a) => a.action.inline_allow === true),
    };
}
function secretDraft(path, line, match, source, where = '') {
    const hint = secretHint(match.secret);
    return {
        ruleId: match.ruleId,
        category: 'secret',
        severity: match.severity,
        path,
        line,
        endLine: line === match.line ? match.endLine : line,
        column: match.column,
        message: `${match.description} found${where} (${hint})`,
        // A hash, so the fingerprint follows the secret without carrying it.
        anchor: (0,external_node_crypto_namespaceObject.createHash)('sha256').update(match.secret).digest('hex'),
        redacted: hint,
        source,
    };
}
function reachesFailOn(drafts, failOn) {
    if (failOn === 'never')
        return false;
    return drafts.some((d) => severityRank(d.severity) <= severityRank(failOn));
}
function ruleIdFor(hook, index) {
    return hook.actions.length === 1 ? hook.name : `${hook.name}/${index + 1}`;
}
function describeError(error) {
    return error instanceof Error ? error.message : String(error);
}
function pathFilter(hook) {
    if (!hook.paths || hook.paths.length === 0)
        return () => true;
    const globs = hook.paths.map((g) => new esm/* Minimatch */.VR(g, { dot: true }));
    return (path) => globs.some((g) => g.match(path));
}
/**
 * Runs the prompt.submitted hooks: the built-in secret scan first, then each hook in file order on the
 * files its `paths` select. A hook that fails (a command not found, a timeout) is recorded and warned
 * about; it never stops the others.
 */
async function runPromptSubmittedHooks(files, options) {
    const { config, ports } = options;
    const drafts = [];
    const secrets = [];
    const memory = [];
    const executions = [];
    const notes = [];
    let blockedBy;
    const executedHooks = hooksFor(config, 'hook.executed');
    const record = (execution) => {
        executions.push(execution);
        if (execution.error !== undefined)
            ports.logger.warning(`Hook '${execution.hook}' failed: ${execution.error}`);
        // hook.executed hooks only log; their logger actions receive these records (see `loggers`).
        if (executedHooks.length > 0)
            ports.logger.debug(`hook.executed: ${execution.hook} (${execution.findings} findings)`);
    };
    const scan = secretSettings(config, 'prompt.submitted');
    const baseline = scan.enabled ? await readBaseline(scan.baseline, ports) : undefined;
    if (scan.enabled) {
        const started = ports.now().getTime();
        const scanDrafts = [];
        for (const f of files) {
            if (scan.allowPaths.some((g) => g.match(f.file.path)))
                continue;
            const { parsed } = f;
            for (const match of scanJoinedLines(parsed.addedText, (i) => parsed.addedLineNumber(i), {
                allow: scan.allow,
                ...(scan.rules ? { rules: scan.rules } : {}),
                ...(baseline ? { baseline } : {}),
                keepInlineAllowed: true,
            })) {
                // Withheld or redacted whatever the marker says: a marker never makes a secret sendable.
                secrets.push({ path: f.file.path, match });
                if (match.inlineAllowed && scan.inlineAllow)
                    continue;
                const where = match.inlineAllowed ? ' (its inline allow marker is ignored: see inline_allow)' : '';
                scanDrafts.push(secretDraft(f.file.path, match.line, match, scan.hook, where));
            }
        }
        drafts.push(...scanDrafts);
        // Secrets do not stop the whole request: `secret-action` withholds or redacts each file that has one.
        record({
            hook: scan.hook,
            event: 'prompt.submitted',
            findings: scanDrafts.length,
            durationMs: ports.now().getTime() - started,
        });
    }
    else {
        notes.push('The built-in secret scan is turned off (secret-scan enabled: false)');
    }
    const reviewed = new Map(files.map((f) => [f.file.path, f.parsed]));
    const sizes = new Map();
    for (const f of files)
        if (f.size !== undefined)
            sizes.set(f.file.path, f.size);
    for (const hook of hooksFor(config, 'prompt.submitted')) {
        // A hook that only tunes the secret scan is recorded by the scan's own execution.
        if (hook.actions.every((a) => a.type === 'secret-scan'))
            continue;
        const started = ports.now().getTime();
        const inPaths = pathFilter(hook);
        const mine = files.filter((f) => inPaths(f.file.path));
        const hookDrafts = [];
        const errors = [];
        for (const [index, action] of hook.actions.entries()) {
            const context = { ruleId: ruleIdFor(hook, index), source: hook.name };
            try {
                const out = await runAction(action, {
                    hook,
                    mine,
                    all: files,
                    reviewed,
                    sizes,
                    context,
                    options,
                    memory,
                    notes,
                });
                hookDrafts.push(...out.findings);
                notes.push(...out.notes);
                if (out.error !== undefined)
                    errors.push(out.error);
            }
            catch (error) {
                errors.push(`${action.type} action: ${describeError(error)}`);
            }
        }
        drafts.push(...hookDrafts);
        if (hook.block && reachesFailOn(hookDrafts, options.failOn))
            blockedBy ??= hook.name;
        record({
            hook: hook.name,
            event: 'prompt.submitted',
            findings: hookDrafts.length,
            durationMs: ports.now().getTime() - started,
            ...(errors.length > 0 ? { error: errors.join('; ') } : {}),
        });
    }
    const loggers = new Map();
    for (const l of [...collectLoggers(config, 'prompt.submitted'), ...collectLoggers(config, 'hook.executed')]) {
        if (!loggers.has(l.output))
            loggers.set(l.output, l);
    }
    return {
        findings: createFindings(drafts),
        secrets,
        blocked: blockedBy !== undefined,
        ...(blockedBy !== undefined ? { blockedBy } : {}),
        memory,
        executions,
        loggers: [...loggers.values()],
        notes,
    };
}
const NONE = { findings: [], notes: [] };
async function runAction(action, input) {
    const { mine, context } = input;
    const present = mine.filter((f) => f.file.status !== 'removed');
    switch (action.type) {
        case 'pattern':
            return runPatternValidator(action, present.map((f) => ({ path: f.file.path, added: f.parsed.added })), context);
        case 'path': {
            const target = (f) => ({ path: f.file.path, status: f.file.status });
            return runPathValidator(action, { files: mine.map(target), allFiles: input.all.map(target), sizes: input.sizes }, context);
        }
        case 'command':
            return runCommandAction(action, present, input);
        case 'memory':
            return readMemory(action, input);
        case 'secret-scan':
        case 'logger':
            return NONE; // the scan ran first; loggers are written by the audit stage
    }
}
async function runCommandAction(action, present, input) {
    const paths = present.filter((f) => !f.file.binary).map((f) => f.file.path);
    if (paths.length === 0)
        return NONE;
    const refused = input.options.commandsRefused;
    if (refused !== undefined)
        return { ...NONE, error: `'${action.run.join(' ')}' was not run: ${refused}` };
    // `{files}` stands for the files, each its own argv entry; without it they are appended.
    const argv = action.run.includes('{files}')
        ? action.run.flatMap((a) => (a === '{files}' ? paths : [a]))
        : [...action.run, ...paths];
    const { ports, workspace } = input.options;
    const timeout = action.timeout ?? DEFAULT_TIMEOUT_SECONDS;
    const result = await ports.runCommand(argv, { cwd: workspace, timeoutMs: timeout * 1000 });
    const program = action.run.join(' ');
    if (result.error !== undefined)
        return { ...NONE, error: `'${program}' could not run: ${result.error}` };
    if (result.timedOut)
        return { ...NONE, error: `'${program}' timed out after ${timeout}s and was killed` };
    const notes = [];
    if (result.truncated)
        notes.push(`${input.context.ruleId}: the output was cut at the size limit; later findings may be missing`);
    if (result.exitCode === null)
        return { ...NONE, notes, error: `'${program}' was killed by a signal` };
    const out = toCommandFindings({ action, output: result, files: input.reviewed, passed: paths, workspace }, input.context);
    return {
        findings: out.findings,
        notes: [...notes, ...out.notes],
        ...(out.error !== undefined ? { error: out.error } : {}),
    };
}
async function readMemory(action, input) {
    const { ports } = input.options;
    const budget = action.max_bytes ?? DEFAULT_MEMORY_BYTES;
    let used = 0;
    const notes = [];
    for (const source of action.sources) {
        const content = await ports.readRepositoryFile(source);
        if (content === undefined) {
            const message = `${input.hook.name}: memory source '${source}' does not exist at the trusted ref; it was left out`;
            ports.logger.warning(message);
            notes.push(message);
            continue;
        }
        const bytes = Buffer.byteLength(content, 'utf8');
        if (used + bytes <= budget) {
            input.memory.push({ source, content });
            used += bytes;
            continue;
        }
        const room = budget - used;
        const message = `${input.hook.name}: memory source '${source}' (${bytes} bytes) ${room > 0 ? `was cut to ${room} bytes` : 'was left out'} to stay within max_bytes ${budget}`;
        ports.logger.warning(message);
        notes.push(message);
        if (room > 0) {
            input.memory.push({ source, content: truncateUtf8(content, room) });
            used = budget;
        }
    }
    return { findings: [], notes };
}
/** The longest prefix of `text` that fits in `bytes` UTF-8 bytes without splitting a character. */
function truncateUtf8(text, bytes) {
    const buf = Buffer.from(text, 'utf8').subarray(0, bytes);
    return buf.toString('utf8').replace(/\uFFFD$/, '');
}
/**
 * Runs the response.generated hooks on the endpoint's comments: the built-in secret scan over bodies and
 * suggestions, then pattern actions over the same text. Findings sit at the comment's path and line.
 */
async function runResponseGeneratedHooks(comments, options) {
    const { config, ports } = options;
    const drafts = [];
    const secrets = [];
    const executions = [];
    const notes = [];
    const textOf = (c) => [c.body, ...(c.suggestion !== undefined ? [c.suggestion] : [])]
        .join('\n')
        .split('\n')
        .map((text, i) => ({ line: i + 1, text }));
    const scan = secretSettings(config, 'response.generated');
    if (scan.enabled) {
        const started = ports.now().getTime();
        let count = 0;
        comments.forEach((c, index) => {
            if (scan.allowPaths.some((g) => g.match(c.path)))
                return;
            // The endpoint's own allow marker suppresses nothing.
            const options = { allow: scan.allow, keepInlineAllowed: true, ...(scan.rules ? { rules: scan.rules } : {}) };
            for (const match of scanSecrets(textOf(c), options)) {
                secrets.push({ index, match });
                drafts.push(secretDraft(c.path, c.line, match, scan.hook, " in the endpoint's comment"));
                count++;
            }
        });
        executions.push({
            hook: scan.hook,
            event: 'response.generated',
            findings: count,
            durationMs: ports.now().getTime() - started,
        });
    }
    for (const hook of hooksFor(config, 'response.generated')) {
        if (!hook.actions.some((a) => a.type === 'pattern'))
            continue; // nothing of its own to run on comments
        const started = ports.now().getTime();
        const inPaths = pathFilter(hook);
        let count = 0;
        const errors = [];
        for (const [index, action] of hook.actions.entries()) {
            if (action.type !== 'pattern')
                continue;
            if ((action.mode ?? 'forbid') === 'require') {
                notes.push(`${hook.name}: a require pattern does not apply to the endpoint's comments and was skipped`);
                continue;
            }
            try {
                const context = { ruleId: ruleIdFor(hook, index), source: hook.name };
                comments.forEach((c) => {
                    if (!inPaths(c.path))
                        return;
                    const out = runPatternValidator(action, [{ path: c.path, added: textOf(c) }], context);
                    notes.push(...out.notes);
                    for (const d of out.findings) {
                        // The finding belongs at the comment's line; the anchor keeps the matched comment text.
                        drafts.push({ ...d, line: c.line, endLine: c.line, message: `${d.message} (in the endpoint's comment)` });
                        count++;
                    }
                });
            }
            catch (error) {
                errors.push(`pattern action: ${describeError(error)}`);
            }
        }
        const execution = {
            hook: hook.name,
            event: 'response.generated',
            findings: count,
            durationMs: ports.now().getTime() - started,
            ...(errors.length > 0 ? { error: errors.join('; ') } : {}),
        };
        if (execution.error !== undefined)
            ports.logger.warning(`Hook '${hook.name}' failed: ${execution.error}`);
        executions.push(execution);
    }
    return { findings: createFindings(drafts), secrets, executions, notes };
}

;// CONCATENATED MODULE: ./src/logger.ts
/** A logger that records lines, for tests and for quiet runs. */
function createRecordingLogger() {
    const lines = [];
    const push = (level) => (message) => void lines.push(`${level}: ${message}`);
    return {
        lines,
        debug: push('debug'),
        info: push('info'),
        notice: push('notice'),
        warning: push('warning'),
        error: push('error'),
    };
}

// EXTERNAL MODULE: ./src/config/types.ts
var types = __nccwpck_require__(2143);
;// CONCATENATED MODULE: ./src/core/version.ts
/** Kept in step with package.json by a test. */
const VERSION = '0.1.0';
const PRODUCT = 'codex-hooks-action';

;// CONCATENATED MODULE: ./src/codex-session/config-cache.ts





/**
 * The hooks config for a Codex hook, which runs on every prompt and tool call. Parsing YAML and compiling
 * the schema cost more than the rest of the hook, so a validated config is cached as JSON under a key made
 * of the file's content and this version: an edit, or an upgrade, is a new key. Only a miss loads the
 * parser, and a config error is never cached.
 */
async function loadSessionConfig(root, configPath, cacheDir) {
    const file = external_node_path_default().resolve(root, configPath);
    let text;
    try {
        text = (0,external_node_fs_namespaceObject.readFileSync)(file, 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return { config: types/* DEFAULT_CONFIG */.P, source: `built-in defaults (no ${configPath})` };
        throw error;
    }
    const key = (0,external_node_crypto_namespaceObject.createHash)('sha256').update(`${VERSION}\0${configPath}\0${text}`).digest('hex').slice(0, 32);
    const cached = external_node_path_default().join(cacheDir, `config-${key}.json`);
    try {
        return { config: JSON.parse((0,external_node_fs_namespaceObject.readFileSync)(cached, 'utf8')), source: configPath };
    }
    catch {
        // not cached yet
    }
    const { parseHooksConfig } = await Promise.all(/* import() */[__nccwpck_require__.e(224), __nccwpck_require__.e(616)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3616));
    const config = parseHooksConfig(text, configPath);
    try {
        (0,external_node_fs_namespaceObject.mkdirSync)(cacheDir, { recursive: true, mode: 0o700 });
        const temp = `${cached}.${process.pid}.tmp`;
        (0,external_node_fs_namespaceObject.writeFileSync)(temp, JSON.stringify(config), { mode: 0o600 });
        (0,external_node_fs_namespaceObject.renameSync)(temp, cached);
    }
    catch {
        // A cache that cannot be written only costs the next hook the parse.
    }
    return { config, source: configPath };
}
/** The user's cache folder for codex-hooks: `$XDG_CACHE_HOME/codex-hooks`, else `~/.cache/codex-hooks`. */
function defaultCacheDir(env, home) {
    const base = env.XDG_CACHE_HOME && external_node_path_default().isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : external_node_path_default().join(home, '.cache');
    return external_node_path_default().join(base, 'codex-hooks');
}

;// CONCATENATED MODULE: ./src/codex-session/answer.ts
/** The answer in Codex's wire format for the event (docs/codex-hooks.md). */
function renderAnswer(answer, event) {
    const json = (value) => ({ stdout: JSON.stringify(value) + '\n', stderr: '', exitCode: 0 });
    switch (answer.kind) {
        case 'allow':
            return { stdout: '', stderr: '', exitCode: 0 };
        case 'context':
            if (event === undefined)
                return { stdout: '', stderr: '', exitCode: 0 };
            return json({ hookSpecificOutput: { hookEventName: event, additionalContext: answer.text } });
        case 'deny':
            if (event === 'PreToolUse') {
                return json({
                    hookSpecificOutput: {
                        hookEventName: 'PreToolUse',
                        permissionDecision: 'deny',
                        permissionDecisionReason: answer.reason,
                    },
                });
            }
            return blockAnswer(answer.reason, event);
        case 'block':
            return blockAnswer(answer.reason, event);
    }
}
function blockAnswer(reason, event) {
    // Without a readable event, exit status 2 with the reason on stderr is the one answer every event reads as a block.
    if (event === undefined || event === 'SessionStart')
        return { stdout: '', stderr: reason + '\n', exitCode: 2 };
    if (event === 'PreToolUse')
        return renderAnswer({ kind: 'deny', reason }, event);
    return { stdout: JSON.stringify({ decision: 'block', reason }) + '\n', stderr: '', exitCode: 0 };
}

;// CONCATENATED MODULE: ./src/codex-session/audit-record.ts

/** Longest content kept in one audit line, in characters; the rest is counted, not kept. */
const MAX_CONTENT = 8000;
/**
 * One JSON line per Codex event for the `logger` hooks (conversation.updated and hook.executed): what was
 * checked, what was found, what Codex was told. Built field by field; every text is redacted, so a secret
 * found in the prompt, a patch or a tool's output is never written, only its rule and hint.
 */
function createSessionAuditRecord(input) {
    const { event, result } = input;
    const known = result?.secrets ?? [];
    const clean = (text) => redactText(text, known);
    const content = input.content ?? '';
    const reason = input.answer.kind === 'block' || input.answer.kind === 'deny' ? input.answer.reason : null;
    return {
        timestamp: input.timestamp,
        event: 'conversation.updated',
        source: 'codex',
        codex_event: event?.name ?? input.eventName ?? null,
        session_id: event?.sessionId ?? null,
        turn_id: event?.turnId ?? null,
        tool_name: event && 'toolName' in event ? event.toolName : null,
        tool_use_id: event && 'toolName' in event ? (event.toolUseId ?? null) : null,
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
            ...(f.redacted !== undefined ? { hint: f.redacted } : {}),
        })),
        hooks: (result?.executions ?? []).map((e) => ({
            hook: e.hook,
            event: e.event,
            findings: e.findings,
            duration_ms: e.durationMs,
            error: e.error !== undefined ? clean(e.error) : null,
        })),
        notes: (result?.notes ?? []).map(clean),
        failure: input.failure ? { ...input.failure, message: clean(input.failure.message) } : null,
        duration_ms: input.durationMs,
    };
}

;// CONCATENATED MODULE: ./src/codex-session/codex-event.ts
/**
 * The events the Codex CLI sends its command hooks on stdin, as Codex 0.171 sends them (docs/codex-hooks.md).
 * Every event has `session_id`, `cwd` and `hook_event_name`; the fields below are the ones this product reads.
 */
const CODEX_EVENTS = ['SessionStart', 'UserPromptSubmit', 'PreToolUse', 'PostToolUse', 'Stop'];
/** Why stdin could not be read as a Codex event; `event` is set when at least the event's name was readable. */
class CodexEventError extends Error {
    event;
    name = 'CodexEventError';
    kind = 'bad-stdin';
    constructor(message, event) {
        super(message);
        this.event = event;
    }
}
function isEventName(value) {
    return typeof value === 'string' && CODEX_EVENTS.includes(value);
}
/**
 * Reads one event. Unknown events and missing fields are errors (the caller applies the failure policy);
 * extra fields are ignored, so a newer Codex that adds some keeps working.
 */
function parseCodexEvent(text) {
    let data;
    try {
        data = JSON.parse(text);
    }
    catch {
        throw new CodexEventError(`stdin is not JSON (${text.length} characters)`);
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data))
        throw new CodexEventError('stdin is not a JSON object');
    const o = data;
    const name = o.hook_event_name;
    if (!isEventName(name)) {
        throw new CodexEventError(`hook_event_name must be one of ${CODEX_EVENTS.join(', ')}; got ${typeof name === 'string' ? `'${name.slice(0, 40)}'` : typeof name}`);
    }
    const field = (key, required = true) => {
        const v = o[key];
        if (typeof v === 'string')
            return v;
        if (v === undefined || v === null) {
            if (required)
                throw new CodexEventError(`${name}: the field '${key}' is missing`, name);
            return undefined;
        }
        throw new CodexEventError(`${name}: the field '${key}' must be a string; got ${typeof v}`, name);
    };
    const turnId = field('turn_id', false);
    const model = field('model', false);
    const common = {
        sessionId: field('session_id'),
        cwd: field('cwd'),
        ...(turnId !== undefined ? { turnId } : {}),
        ...(model !== undefined ? { model } : {}),
    };
    switch (name) {
        case 'SessionStart': {
            const source = field('source', false);
            return { name, ...common, ...(source !== undefined ? { source } : {}) };
        }
        case 'UserPromptSubmit':
            return { name, ...common, prompt: field('prompt') };
        case 'PreToolUse':
            return { name, ...common, ...toolFields(o, name) };
        case 'PostToolUse':
            return { name, ...common, ...toolFields(o, name), toolResponse: stringify(o.tool_response) };
        case 'Stop':
            return {
                name,
                ...common,
                stopHookActive: o.stop_hook_active === true,
                lastAssistantMessage: field('last_assistant_message', false) ?? '',
            };
    }
}
function toolFields(o, name) {
    const toolName = o.tool_name;
    if (typeof toolName !== 'string')
        throw new CodexEventError(`${name}: the field 'tool_name' is missing`, name);
    const input = o.tool_input;
    // Codex sends `{command}` for shell commands and for apply_patch; other tools' inputs are read as text.
    const command = typeof input === 'object' && input !== null && typeof input.command === 'string'
        ? input.command
        : stringify(input);
    const toolUseId = typeof o.tool_use_id === 'string' ? o.tool_use_id : undefined;
    return { toolName, command, ...(toolUseId !== undefined ? { toolUseId } : {}) };
}
function stringify(value) {
    if (typeof value === 'string')
        return value;
    if (value === undefined || value === null)
        return '';
    return JSON.stringify(value);
}
/** The event's name from stdin that is otherwise unreadable, to pick the failure policy. */
function sniffEventName(text) {
    const m = /"hook_event_name"\s*:\s*"([A-Za-z]+)"/.exec(text);
    return m && isEventName(m[1]) ? m[1] : undefined;
}

;// CONCATENATED MODULE: ./src/codex-session/apply-patch.ts
class PatchFormatError extends Error {
    name = 'PatchFormatError';
    kind = 'bad-patch';
}
const HEADER = /^\*\*\* (Add File|Delete File|Update File): (.+)$/;
/** Splits a patch into file operations; throws PatchFormatError on text that is not a patch. */
function parseApplyPatch(text) {
    const lines = text.replace(/\r\n/g, '\n').split('\n');
    while (lines.length > 0 && lines[lines.length - 1].trim() === '')
        lines.pop();
    const start = lines.findIndex((l) => l.trim() === '*** Begin Patch');
    if (start < 0)
        throw new PatchFormatError("the patch does not start with '*** Begin Patch'");
    const ops = [];
    let op;
    let chunk;
    for (const line of lines.slice(start + 1)) {
        if (line.trim() === '*** End Patch')
            break;
        const header = HEADER.exec(line);
        if (header) {
            const kind = header[1] === 'Add File' ? 'add' : header[1] === 'Delete File' ? 'delete' : 'update';
            op = { kind, path: header[2].trim(), added: [], chunks: [] };
            chunk = undefined;
            ops.push(op);
            continue;
        }
        if (!op)
            throw new PatchFormatError(`a patch line comes before any file header: '${line.slice(0, 60)}'`);
        if (op.kind === 'add') {
            if (line.startsWith('+'))
                op.added.push(line.slice(1));
            continue;
        }
        if (line.startsWith('*** Move to: ')) {
            op.moveTo = line.slice('*** Move to: '.length).trim();
            continue;
        }
        if (line.trim() === '*** End of File')
            continue;
        if (line.startsWith('@@')) {
            const anchor = line.slice(2).trim();
            chunk = { ...(anchor !== '' ? { anchor } : {}), lines: [] };
            op.chunks.push(chunk);
            continue;
        }
        if (!chunk)
            op.chunks.push((chunk = { lines: [] }));
        const marker = line[0];
        // Codex reads an empty line inside a chunk as an empty context line.
        if (marker === '+' || marker === '-' || marker === ' ')
            chunk.lines.push({ kind: marker, text: line.slice(1) });
        else if (line === '')
            chunk.lines.push({ kind: ' ', text: '' });
        else
            throw new PatchFormatError(`'${op.path}': a chunk line must start with ' ', '-' or '+'`);
    }
    return ops;
}
/** The files a patch changes, in the shapes the hooks engine reads. */
async function patchToChangedFiles(text, read) {
    const files = [];
    for (const op of parseApplyPatch(text)) {
        const current = op.kind === 'update' ? await read(op.path) : undefined;
        files.push(toChangedFile(op, current));
    }
    return files;
}
function toChangedFile(op, current) {
    if (op.kind === 'add') {
        return {
            path: op.path,
            status: 'added',
            additions: op.added.length,
            deletions: 0,
            content: op.added.length > 0 ? op.added.join('\n') + '\n' : '',
        };
    }
    if (op.kind === 'delete')
        return { path: op.path, status: 'removed', additions: 0, deletions: 0 };
    const { patch, additions, deletions } = unifiedDiff(op.chunks, current?.split('\n') ?? []);
    return {
        path: op.moveTo ?? op.path,
        ...(op.moveTo !== undefined ? { previousPath: op.path } : {}),
        status: op.moveTo !== undefined ? 'renamed' : 'modified',
        additions,
        deletions,
        ...(patch !== '' ? { patch } : {}),
    };
}
/**
 * The chunks as unified-diff hunks with real line numbers. A chunk whose old lines are not found in the
 * current file (a file Codex would refuse to patch) is numbered from where the previous one ended.
 */
function unifiedDiff(chunks, current) {
    let cursor = 0;
    let shift = 0;
    let additions = 0;
    let deletions = 0;
    const hunks = [];
    for (const chunk of chunks) {
        if (chunk.anchor !== undefined) {
            const at = seek(current, [chunk.anchor], cursor);
            if (at >= 0)
                cursor = at + 1;
        }
        const old = chunk.lines.filter((l) => l.kind !== '+').map((l) => l.text);
        const found = old.length > 0 ? seek(current, old, cursor) : -1;
        const oldStart = (found >= 0 ? found : cursor) + 1;
        const added = chunk.lines.filter((l) => l.kind === '+').length;
        const removed = chunk.lines.filter((l) => l.kind === '-').length;
        additions += added;
        deletions += removed;
        const oldCount = old.length;
        const newCount = oldCount - removed + added;
        const body = chunk.lines.map((l) => `${l.kind}${l.text}`).join('\n');
        hunks.push(`@@ -${oldStart},${oldCount} +${oldStart + shift},${newCount} @@\n${body}`);
        shift += newCount - oldCount;
        cursor = oldStart - 1 + oldCount;
    }
    return { patch: hunks.join('\n'), additions, deletions };
}
/** Where `needle` starts in `lines` at or after `from`: exact, then ignoring trailing, then all outer spaces. */
function seek(lines, needle, from) {
    const tries = [(s) => s, (s) => s.trimEnd(), (s) => s.trim()];
    for (const norm of tries) {
        for (let i = from; i + needle.length <= lines.length; i++) {
            if (needle.every((n, k) => norm(lines[i + k]) === norm(n)))
                return i;
        }
    }
    return -1;
}

;// CONCATENATED MODULE: ./src/core/diff/parse-patch.ts

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@ ?(.*)$/;
const PLUS = 43;
const MINUS = 45;
const SPACE = 32;
const AT = 64;
const CR = 13;
/**
 * Parses the hunks of one file's unified diff (GitHub's `patch`, or the body of a `git diff` file section).
 * Tolerates CRLF, `\ No newline at end of file`, and text before the first hunk (file headers).
 *
 * One pass records where things are (hunk headers, the offsets of added lines); the objects for each
 * line are made only when asked for. Every byte of a PR goes through here, and most of them are only
 * ever read by the secret scan, which takes `addedText` whole.
 */
function parsePatch(patch) {
    const text = patch ?? '';
    const hunks = [];
    // Each hunk's new-file lines (context and added) and old-file lines (context and removed) are consecutive.
    const right = [];
    const left = [];
    const added = { starts: [], ends: [], numbers: [], firstIndex: -1, lastIndex: -1, crlf: false };
    let current;
    let oldLine = 0;
    let newLine = 0;
    let lineIndex = 0;
    const close = (bodyEnd) => {
        if (!current)
            return;
        const h = current.header;
        right.push([Number(h[3]), newLine]);
        left.push([Number(h[1]), oldLine]);
        hunks.push(new PatchHunk(text, current.bodyStart, bodyEnd, h));
        current = undefined;
    };
    eachLine(text, 0, text.length, (start, end, next) => {
        lineIndex++;
        const marker = text.charCodeAt(start);
        // Only a line that starts with `@@` can be a hunk header: the regex runs on those alone.
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
        if (!current)
            return; // file headers before the first hunk
        if (marker === PLUS) {
            if (added.firstIndex < 0)
                added.firstIndex = lineIndex;
            added.lastIndex = lineIndex;
            if (end < next - 1)
                added.crlf = true;
            added.starts.push(start + 1);
            added.ends.push(end);
            added.numbers.push(newLine++);
        }
        else if (marker === MINUS)
            oldLine++;
        else if (marker === SPACE || end === start) {
            oldLine++;
            newLine++;
        }
    });
    close(text.length);
    return new PatchView(text, hunks, added, { right: new LineRanges(right), left: new LineRanges(left) });
}
/**
 * Calls `visit(start, end, next)` for each line of `text[from, to)`: `end` stops before `\n` and a `\r`
 * just before it; `next` is where the following line starts. A final newline does not start a line.
 */
function eachLine(text, from, to, visit) {
    for (let start = from; start < to;) {
        const newline = text.indexOf('\n', start);
        const next = newline === -1 || newline >= to ? to : newline + 1;
        let end = newline === -1 || newline >= to ? to : newline;
        if (end > start && text.charCodeAt(end - 1) === CR)
            end--;
        visit(start, end, next);
        start = next;
    }
}
class PatchView {
    patch;
    hunks;
    offsets;
    commentable;
    addedLines;
    joined;
    constructor(patch, hunks, offsets, commentable) {
        this.patch = patch;
        this.hunks = hunks;
        this.offsets = offsets;
        this.commentable = commentable;
    }
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
        if (this.joined !== undefined)
            return this.joined;
        const { starts, ends, firstIndex, lastIndex, crlf } = this.offsets;
        const count = starts.length;
        if (count === 0)
            this.joined = '';
        else if (!crlf && lastIndex - firstIndex + 1 === count) {
            // Adjacent `+` lines (a new file, a block of added code): drop each line's `+` in one native
            // replace. A `+` inside a line is never after a newline, so only the markers go.
            this.joined = this.patch.slice(starts[0], ends[count - 1]).replaceAll('\n+', '\n');
        }
        else
            this.joined = this.added.map((l) => l.text).join('\n');
        return this.joined;
    }
}
class PatchHunk {
    patch;
    bodyStart;
    bodyEnd;
    oldStart;
    oldLines;
    newStart;
    newLines;
    header;
    body;
    constructor(patch, bodyStart, bodyEnd, h) {
        this.patch = patch;
        this.bodyStart = bodyStart;
        this.bodyEnd = bodyEnd;
        this.oldStart = Number(h[1]);
        this.oldLines = h[2] === undefined ? 1 : Number(h[2]);
        this.newStart = Number(h[3]);
        this.newLines = h[4] === undefined ? 1 : Number(h[4]);
        this.header = h[5] ?? '';
    }
    get lines() {
        if (this.body)
            return this.body;
        const lines = [];
        const patch = this.patch;
        let oldLine = this.oldStart;
        let newLine = this.newStart;
        eachLine(patch, this.bodyStart, this.bodyEnd, (start, end) => {
            const marker = patch.charCodeAt(start);
            const text = patch.slice(start + 1, end);
            if (marker === PLUS)
                lines.push({ kind: 'added', text, newLine: newLine++ });
            else if (marker === MINUS)
                lines.push({ kind: 'removed', text, oldLine: oldLine++ });
            // An empty line inside a hunk is a context line whose leading space was trimmed by an editor.
            else if (marker === SPACE || end === start)
                lines.push({ kind: 'context', text, oldLine: oldLine++, newLine: newLine++ });
            // `\ No newline at end of file` and anything unrecognised carry no line.
        });
        this.body = lines;
        return lines;
    }
}

;// CONCATENATED MODULE: ./src/codex-session/checks.ts





/** On files (a patch, a here-document, the session's changes): these kinds of action. */
const onFiles = (...types) => (a) => types.includes(a.type);
/**
 * On text that is not a file (a prompt, a shell command): the secret scan and the `forbid` patterns. A
 * `require` pattern (a licence header, say) is about files and would flag every prompt.
 */
const onText = (a) => a.type === 'secret-scan' || (a.type === 'pattern' && a.mode !== 'require');
/** The config with only the actions that apply: the rest does not fit what this event checks. */
function withActions(config, keep) {
    const hooks = config.hooks
        .map((h) => ({ ...h, actions: h.actions.filter(keep) }))
        .filter((h) => h.actions.length > 0);
    return { version: config.version, hooks };
}
function toReviewFile(file) {
    return { file, parsed: file.content !== undefined ? parseWholeFile(file.content) : parsePatch(file.patch) };
}
/** A piece of text (a prompt, a command) checked as if it were a new file named `name`. */
function textAsFile(name, text) {
    return { path: name, status: 'added', additions: 1, deletions: 0, content: text };
}
/** The prompt.submitted hooks, limited to the `actions` that apply, over `files`: the same engine the pull-request gate runs. */
async function checkFiles(files, actions, ctx) {
    const result = await runPromptSubmittedHooks(files.map(toReviewFile), {
        config: withActions(ctx.config, actions),
        failOn: ctx.failOn,
        workspace: ctx.root,
        ports: ctx.ports,
    });
    return toCheckResult(result, result.memory);
}
/** The response.generated hooks (the secret scan and `pattern`) over text the model or a tool produced. */
async function checkOutput(name, text, ctx) {
    const result = await runResponseGeneratedHooks([{ path: name, line: 1, body: text }], {
        config: ctx.config,
        failOn: ctx.failOn,
        workspace: ctx.root,
        ports: ctx.ports,
    });
    return toCheckResult(result, []);
}
/** The engine's result with each finding's text cleared of the secrets found: nothing downstream sees a value. */
function toCheckResult(result, memory) {
    const matches = result.secrets.map((s) => s.match);
    return {
        findings: redactFindings(result.findings, matches),
        secrets: matches.map((m) => ({ secret: m.secret, ruleId: m.ruleId })),
        executions: result.executions,
        memory,
        notes: result.notes,
    };
}
function mergeResults(a, b) {
    return {
        findings: [...a.findings, ...b.findings],
        secrets: [...a.secrets, ...b.secrets],
        executions: [...a.executions, ...b.executions],
        memory: [...a.memory, ...b.memory],
        notes: [...a.notes, ...b.notes],
    };
}
/** Findings at or above the gate's level: the ones that block. */
function blockingFindings(findings, failOn) {
    if (failOn === 'never')
        return [];
    return findings.filter((f) => severityRank(f.severity) <= severityRank(failOn));
}
const MAX_LISTED = 10;
/**
 * A reason the model can act on: each finding's place, what it is, its rule, and how to fix it. Messages
 * are already redacted: a secret shows only its hint.
 */
function describeFindings(intro, findings) {
    const lines = findings.slice(0, MAX_LISTED).map((f) => {
        const where = f.line > 0 ? `${f.path}:${f.line}` : f.path;
        const fix = f.category === 'secret'
            ? ' Remove the value; read it from an environment variable or a secret store instead, and never repeat it.'
            : '';
        return `- ${where}: ${f.message} [${f.ruleId}].${fix}`;
    });
    if (findings.length > MAX_LISTED)
        lines.push(`- …and ${findings.length - MAX_LISTED} more`);
    return `${intro}\n${lines.join('\n')}`;
}

;// CONCATENATED MODULE: ./src/codex-session/shell-command.ts
const HEREDOC = /<<(-?)\s*(['"]?)([A-Za-z_][A-Za-z0-9_.-]*)\2/g;
const REDIRECT = /(?:^|[^0-9&>])>>?\s*(['"]?)([^\s'";&|<>()]+)\1/;
const TEE = /\btee\s+(?:-a\s+)?(['"]?)([^\s'";&|<>()]+)\1/;
function readShellCommand(command) {
    const lines = command.replace(/\r\n/g, '\n').split('\n');
    const files = [];
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        const markers = [...line.matchAll(HEREDOC)].filter((m) => line[m.index - 1] !== '<');
        if (markers.length === 0)
            continue;
        let next = i + 1;
        for (const [index, m] of markers.entries()) {
            const tag = m[3];
            const stripTabs = m[1] === '-';
            const bodyStart = next;
            while (next < lines.length && (stripTabs ? lines[next].replace(/^\t+/, '') : lines[next]) !== tag)
                next++;
            const body = lines.slice(bodyStart, next).map((l) => (stripTabs ? l.replace(/^\t+/, '') : l));
            // Only the first here-document of a line is the one a redirect on that line writes.
            const target = index === 0 ? writtenFile(line) : undefined;
            if (target !== undefined) {
                files.push({
                    path: target,
                    status: 'added',
                    additions: body.length,
                    deletions: 0,
                    content: body.length > 0 ? body.join('\n') + '\n' : '',
                });
                for (let k = bodyStart; k < next; k++)
                    lines[k] = '';
            }
            next++; // past the terminator
        }
        i = next - 1;
    }
    return { text: lines.join('\n'), files };
}
function writtenFile(line) {
    const m = REDIRECT.exec(line) ?? TEE.exec(line);
    const path = m?.[2];
    return path !== undefined && path !== '/dev/null' && !path.startsWith('$') ? path : undefined;
}

;// CONCATENATED MODULE: ./src/codex-session/events/tool-use.ts



const COMMAND_NAME = '<command>';
const TOOL_OUTPUT_NAME = '<tool output>';
/** Codex's patch tool; it also answers to the matcher names Edit and Write. */
const PATCH_TOOLS = new Set(['apply_patch', 'Edit', 'Write']);
/**
 * PreToolUse → prompt.submitted over what the tool is about to write or run. A patch is parsed into its files
 * (added lines with paths and line numbers) for the secret scan and the `pattern` and `path` hooks; a shell
 * command is checked as text, and the files its here-documents write as files. A finding at the gate's level
 * denies the call: the command never runs, the file is never written.
 */
async function handlePreToolUse(event, ctx) {
    const result = PATCH_TOOLS.has(event.toolName)
        ? await checkPatch(event.command, ctx)
        : await checkCommand(event.command, ctx);
    const blocking = blockingFindings(result.findings, ctx.failOn);
    if (blocking.length === 0)
        return { answer: { kind: 'allow' }, result, content: event.command };
    const what = PATCH_TOOLS.has(event.toolName) ? 'this patch' : 'this command';
    const reason = describeFindings(`codex-hooks (the repository's .github/codex-hooks.yml) refused ${what}; nothing was run or written. Fix these and try again:`, blocking);
    return { answer: { kind: 'deny', reason }, result, content: event.command };
}
async function checkPatch(patch, ctx) {
    try {
        const files = await patchToChangedFiles(patch, (path) => ctx.ports.readRepositoryFile(path));
        return await checkFiles(files, onFiles('secret-scan', 'pattern', 'path'), ctx);
    }
    catch (error) {
        // Text Codex will refuse as a patch is still read for secrets.
        if (!(error instanceof PatchFormatError))
            throw error;
        return checkFiles([textAsFile(COMMAND_NAME, patch)], onText, ctx);
    }
}
async function checkCommand(command, ctx) {
    const view = readShellCommand(command);
    const text = await checkFiles([textAsFile(COMMAND_NAME, view.text)], onText, ctx);
    if (view.files.length === 0)
        return text;
    return mergeResults(text, await checkFiles(view.files, onFiles('secret-scan', 'pattern', 'path'), ctx));
}
/**
 * PostToolUse → response.generated over the tool's output. A secret a command printed is reported to the
 * model, which must not repeat it, and logged masked.
 */
async function handlePostToolUse(event, ctx) {
    const result = await checkOutput(TOOL_OUTPUT_NAME, event.toolResponse, ctx);
    const blocking = blockingFindings(result.findings, ctx.failOn);
    if (blocking.length === 0)
        return { answer: { kind: 'allow' }, result, content: event.toolResponse };
    const reason = describeFindings('codex-hooks: the output of this tool call holds a secret or a forbidden pattern. Do not repeat, quote or store the value; continue without it:', blocking);
    return { answer: { kind: 'block', reason }, result, content: event.toolResponse };
}

;// CONCATENATED MODULE: ./src/codex-session/events/session-start.ts


/**
 * SessionStart → the `memory` hooks: their sources (coding standards, architecture notes), within their byte
 * budget, become the session's additional context. The session's starting point is recorded for Stop.
 */
async function handleSessionStart(event, ctx) {
    await ctx.ports.recordSessionStart(event.sessionId);
    const result = await checkFiles([], onFiles('memory'), ctx);
    if (result.memory.length === 0)
        return { answer: { kind: 'allow' }, result, content: '' };
    const sections = result.memory.map((m) => `## ${m.source}\n\n${m.content.trimEnd()}`).join('\n\n');
    // A memory file is sent to the model: a key pasted into one must not go with it.
    const text = redactText(`Repository memory from codex-hooks (.github/codex-hooks.yml):\n\n${sections}`, []);
    return {
        answer: { kind: 'context', text },
        result,
        content: `memory: ${result.memory.map((m) => m.source).join(', ')}`,
    };
}

;// CONCATENATED MODULE: ./src/codex-session/events/stop.ts

const ASSISTANT_MESSAGE_NAME = '<assistant message>';
/**
 * Stop → response.generated over the last assistant message, plus the secret scan and the `command` hooks
 * (linters) over the files changed since the session started. Findings at the gate's level send Codex back to
 * work with the reason, once: when Codex says this turn already went back (`stop_hook_active`), the findings
 * are logged and the turn ends, so a hook can never loop forever.
 */
async function handleStop(event, ctx) {
    const message = await checkOutput(ASSISTANT_MESSAGE_NAME, event.lastAssistantMessage, ctx);
    const changes = await ctx.ports.sessionChanges(event.sessionId);
    const result = mergeResults(message, await checkFiles(changes, onFiles('secret-scan', 'command'), ctx));
    const blocking = blockingFindings(result.findings, ctx.failOn);
    const content = event.lastAssistantMessage;
    if (blocking.length === 0)
        return { answer: { kind: 'allow' }, result, content };
    if (event.stopHookActive) {
        const note = `stop_hook_active: the turn already went back once; ${blocking.length} finding(s) remain and are only logged`;
        return { answer: { kind: 'allow' }, result: { ...result, notes: [...result.notes, note] }, content };
    }
    const reason = describeFindings("codex-hooks: the session's changes do not pass the repository's checks (.github/codex-hooks.yml) yet. Fix these, then finish:", blocking);
    return { answer: { kind: 'block', reason }, result, content };
}

;// CONCATENATED MODULE: ./src/codex-session/events/user-prompt-submit.ts

/** The name a prompt goes by in findings and path globs. */
const PROMPT_NAME = '<prompt>';
/**
 * UserPromptSubmit → prompt.submitted over the prompt: the secret scan and the `pattern` hooks. A finding at
 * the gate's level blocks the prompt before anything is sent to the model.
 */
async function handleUserPromptSubmit(event, ctx) {
    const result = await checkFiles([textAsFile(PROMPT_NAME, event.prompt)], onText, ctx);
    const blocking = blockingFindings(result.findings, ctx.failOn);
    const answer = blocking.length > 0
        ? {
            kind: 'block',
            reason: describeFindings('codex-hooks blocked this prompt before it reached the model. Edit the prompt and send it again:', blocking),
        }
        : { kind: 'allow' };
    return { answer, result, content: event.prompt };
}

;// CONCATENATED MODULE: ./src/codex-session/policy.ts
/** The shell tool (`Bash`) and the patch tool (`apply_patch`, which Codex also matches as Edit and Write). */
const TOOL_MATCHER = 'Bash|apply_patch';
const CODEX_EVENT_SETUP = {
    SessionStart: { onFailure: 'open', timeoutSeconds: 30, deadlineSeconds: 25 },
    UserPromptSubmit: { onFailure: 'closed', timeoutSeconds: 30, deadlineSeconds: 25 },
    PreToolUse: { onFailure: 'closed', timeoutSeconds: 30, deadlineSeconds: 25, matcher: TOOL_MATCHER },
    PostToolUse: { onFailure: 'open', timeoutSeconds: 30, deadlineSeconds: 25, matcher: TOOL_MATCHER },
    // Linters run here: a longer budget.
    Stop: { onFailure: 'open', timeoutSeconds: 300, deadlineSeconds: 280 },
};
function defaultFailurePolicy() {
    const entries = Object.entries(CODEX_EVENT_SETUP).map(([name, setup]) => [name, setup.onFailure]);
    return Object.fromEntries(entries);
}

;// CONCATENATED MODULE: ./src/codex-session/handle-event.ts










/** The hook's own deadline passed before it could answer. */
class HookDeadlineError extends Error {
    name = 'HookDeadlineError';
    kind = 'timeout';
}
/**
 * One Codex event in, one answer out. The hook's own failure (stdin it cannot read, a config error, its
 * deadline, a bug) never escapes: the event's failure mode turns it into a block or a pass, said in the
 * answer and the audit line.
 */
async function answerCodexHook(stdin, settings, deps) {
    const started = deps.now();
    let event;
    let loaded;
    const audit = (answer, rest) => loaded && {
        root: loaded.root,
        config: loaded.config,
        record: createSessionAuditRecord({
            ...(event ? { event } : {}),
            ...(!event && sniffEventName(stdin) ? { eventName: sniffEventName(stdin) } : {}),
            answer,
            ...(rest.result ? { result: rest.result } : {}),
            ...(rest.content !== undefined ? { content: rest.content } : {}),
            ...(rest.failure ? { failure: rest.failure } : {}),
            timestamp: started.toISOString(),
            durationMs: deps.now().getTime() - started.getTime(),
        }),
    };
    try {
        if (settings instanceof errors/* ConfigurationError */.j1)
            throw settings;
        event = parseCodexEvent(stdin);
        const root = deps.findRoot(event.cwd);
        const { config } = await deps.loadConfig(root, settings.configPath);
        loaded = { config, root };
        const ctx = { config, failOn: settings.failOn, root, ports: deps.createPorts(root) };
        const deadline = CODEX_EVENT_SETUP[event.name].deadlineSeconds * 1000;
        const outcome = await withDeadline(dispatch(event, ctx), deadline);
        const rendered = renderAnswer(outcome.answer, event.name);
        const record = audit(outcome.answer, outcome);
        return { rendered, ...(record ? { audit: record } : {}) };
    }
    catch (error) {
        const name = event?.name ?? (error instanceof CodexEventError ? error.event : undefined) ?? sniffEventName(stdin);
        const policy = settings instanceof errors/* ConfigurationError */.j1 ? defaultFailurePolicy() : settings.failurePolicy;
        // An event the hook cannot name is one it cannot safely let through.
        const mode = name !== undefined ? policy[name] : 'closed';
        const failure = describeFailure(error, mode);
        const answer = failureAnswer(failure, name);
        const rendered = renderAnswer(answer, name);
        const record = audit(answer, { failure });
        const told = mode === 'open' ? { ...rendered, stderr: `codex-hooks: ${failure.message} (fails open)\n` } : rendered;
        return { rendered: told, ...(record ? { audit: record } : {}) };
    }
}
function dispatch(event, ctx) {
    switch (event.name) {
        case 'SessionStart':
            return handleSessionStart(event, ctx);
        case 'UserPromptSubmit':
            return handleUserPromptSubmit(event, ctx);
        case 'PreToolUse':
            return handlePreToolUse(event, ctx);
        case 'PostToolUse':
            return handlePostToolUse(event, ctx);
        case 'Stop':
            return handleStop(event, ctx);
    }
}
async function withDeadline(work, ms) {
    let timer;
    const deadline = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new HookDeadlineError(`no answer within its deadline of ${ms / 1000}s`)), ms);
    });
    try {
        return await Promise.race([work, deadline]);
    }
    finally {
        clearTimeout(timer);
    }
}
function describeFailure(error, mode) {
    const kind = error instanceof CodexEventError || error instanceof HookDeadlineError
        ? error.kind
        : error instanceof errors/* ConfigurationError */.j1
            ? 'config'
            : 'internal';
    // An error may quote what it choked on: never a secret in the answer.
    const message = redactText(error instanceof Error ? error.message : String(error), []);
    return { kind, message, mode };
}
function failureAnswer(failure, name) {
    if (failure.mode === 'open')
        return { kind: 'allow' };
    const reason = `codex-hooks could not check this ${name ?? 'event'} and fails closed (${failure.kind}: ${failure.message}). ` +
        `Fix the cause (docs/codex-hooks.md), or let it pass on failure with --fail-open ${name ?? 'all'}.`;
    return name === 'PreToolUse' ? { kind: 'deny', reason } : { kind: 'block', reason };
}

;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
;// CONCATENATED MODULE: ./src/codex-session/settings.ts





const DEFAULT_CONFIG_PATH = '.github/codex-hooks.yml';
const FAIL_ON = ['error', 'warning', 'notice', 'never'];
function parseCodexHookSettings(argv, env, home) {
    let values;
    try {
        ({ values } = (0,external_node_util_namespaceObject.parseArgs)({
            args: [...argv],
            options: {
                config: { type: 'string' },
                'fail-on': { type: 'string' },
                'fail-open': { type: 'string' },
                'fail-closed': { type: 'string' },
            },
            strict: true,
            allowPositionals: false,
        }));
    }
    catch (error) {
        throw new errors/* ConfigurationError */.j1(`codex-hook: ${error.message}`);
    }
    const failOn = values['fail-on'] ?? 'error';
    if (!FAIL_ON.includes(failOn))
        throw new errors/* ConfigurationError */.j1(`--fail-on must be one of ${FAIL_ON.join(', ')}; got '${failOn}'`);
    const policy = { ...defaultFailurePolicy() };
    for (const [flag, mode] of [
        ['fail-open', 'open'],
        ['fail-closed', 'closed'],
    ]) {
        for (const name of eventList(values[flag], flag))
            policy[name] = mode;
    }
    return Object.freeze({
        configPath: values.config ?? DEFAULT_CONFIG_PATH,
        failOn: failOn,
        failurePolicy: Object.freeze(policy),
        cacheDir: defaultCacheDir(env, home),
    });
}
/** `Stop,PostToolUse` or `all`. */
function eventList(value, flag) {
    if (value === undefined)
        return [];
    const names = value
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
    if (names.length === 1 && names[0] === 'all')
        return [...CODEX_EVENTS];
    for (const n of names) {
        if (!CODEX_EVENTS.includes(n))
            throw new errors/* ConfigurationError */.j1(`--${flag} takes Codex events (${CODEX_EVENTS.join(', ')}) or 'all'; got '${n}'`);
    }
    return names;
}

;// CONCATENATED MODULE: ./src/codex-session/hook-command.ts















/**
 * `codex-hooks codex-hook`: the command Codex runs for each hook event. Reads the event from stdin, answers
 * on stdout (or exit status 2 with the reason on stderr), appends one audit line per `logger` output, and
 * returns the exit status. The composition root of the hook: the only place that picks its adapters.
 */
async function runCodexHook(argv, io) {
    let settings;
    try {
        settings = parseCodexHookSettings(argv, io.env, external_node_os_default().homedir());
    }
    catch (error) {
        settings = error instanceof errors/* ConfigurationError */.j1 ? error : new errors/* ConfigurationError */.j1(String(error));
    }
    const cacheDir = settings instanceof errors/* ConfigurationError */.j1 ? external_node_os_default().tmpdir() : settings.cacheDir;
    const run = await answerCodexHook(io.stdin, settings, {
        findRoot: findRepositoryRoot,
        loadConfig: (root, configPath) => loadSessionConfig(root, configPath, cacheDir),
        createPorts: (root) => createSessionPorts(root, cacheDir, io.env),
        now: () => new Date(),
    });
    if (run.audit) {
        try {
            await writeAuditRecord(run.audit.config, run.audit.root, run.audit.record, io.env);
        }
        catch (error) {
            io.stderr.write(`codex-hooks: the audit log could not be written: ${error.message}\n`);
        }
    }
    io.stdout.write(run.rendered.stdout);
    io.stderr.write(run.rendered.stderr);
    return run.rendered.exitCode;
}
function createSessionPorts(root, cacheDir, env) {
    const logger = createRecordingLogger();
    const changes = createSessionChanges(root, cacheDir, runCommand);
    return {
        runCommand: runCommand,
        readRepositoryFile: async (file) => {
            // Paths come from the model (a patch) or the config: read inside the repository only.
            const full = resolveInWorkspace(root, file);
            return full === undefined ? undefined : (0,promises_namespaceObject.readFile)(full, 'utf8').catch(() => undefined);
        },
        logger: env.CODEX_HOOKS_DEBUG ? stderrLogger() : logger,
        now: () => new Date(),
        recordSessionStart: changes.recordSessionStart,
        sessionChanges: changes.sessionChanges,
    };
}
function stderrLogger() {
    const line = (level) => (m) => void process.stderr.write(`codex-hooks ${level}: ${m}\n`);
    return {
        debug: line('debug'),
        info: line('info'),
        notice: line('notice'),
        warning: line('warning'),
        error: line('error'),
    };
}
/** The nearest folder at or above `cwd` holding `.git`; `cwd` itself outside a repository. */
function findRepositoryRoot(cwd) {
    for (let dir = external_node_path_default().resolve(cwd);;) {
        if ((0,external_node_fs_namespaceObject.existsSync)(external_node_path_default().join(dir, '.git')))
            return dir;
        const parent = external_node_path_default().dirname(dir);
        if (parent === dir)
            return external_node_path_default().resolve(cwd);
        dir = parent;
    }
}
/** The `logger` hooks of the conversation: one line each, once per output. */
async function writeAuditRecord(config, root, record, env) {
    const outputs = new Map();
    for (const l of [...collectLoggers(config, 'conversation.updated'), ...collectLoggers(config, 'hook.executed')])
        if (!outputs.has(l.output))
            outputs.set(l.output, l);
    for (const logger of outputs.values()) {
        const file = resolveInWorkspace(root, logger.output);
        if (file === undefined)
            throw new errors/* ConfigurationError */.j1(`logger output '${logger.output}' is outside the repository`);
        // The same writer as the action's loggers: rotation, gzip and encryption as the logger's options say.
        await appendAuditRecords(auditLogOptionsFor(logger, file, env), [record]);
    }
}

;// CONCATENATED MODULE: ./src/codex-session/main.ts

/**
 * The hook's own entry (dist/codex-hook/index.js): Codex starts it on every prompt and tool call, so it loads
 * only what a hook needs, not the whole CLI.
 */
async function run() {
    const chunks = [];
    for await (const chunk of process.stdin)
        chunks.push(chunk);
    const code = await runCodexHook(process.argv.slice(2), {
        stdin: Buffer.concat(chunks).toString('utf8'),
        stdout: process.stdout,
        stderr: process.stderr,
        env: process.env,
    });
    // Past its deadline a linter may still be running: the answer is given, the hook ends now.
    process.exitCode = code;
    process.stdout.write('', () => process.exit(code));
}


/***/ }),

/***/ 2143:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ DEFAULT_CONFIG)
/* harmony export */ });
/* unused harmony export HOOK_EVENTS */
/** The hooks config file (`.github/codex-hooks.yml`), documented in docs/configuration.md (the pipeline around it: docs/architecture.md). */
const HOOK_EVENTS = (/* unused pure expression or super */ null && (['prompt.submitted', 'response.generated', 'conversation.updated', 'hook.executed']));
const DEFAULT_CONFIG = { version: 1, hooks: [] };


/***/ }),

/***/ 7432:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Hm: () => (/* binding */ checkUserRegex),
/* harmony export */   rS: () => (/* binding */ MAX_TESTED_LINE_LENGTH)
/* harmony export */ });
/* unused harmony exports ALLOWED_REGEX_FLAGS, compileUserRegex */
/* harmony import */ var regjsparser__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8455);
/* harmony import */ var regjsparser__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(regjsparser__WEBPACK_IMPORTED_MODULE_0__);

/**
 * Users write regexes in the hooks config; V8's backtracking engine can take exponential time on some of
 * them. We refuse, at load time, the two shapes that cause exponential backtracking:
 *  - a variable quantifier nested inside a repeated one (`(a+)+`, `(\w+\s?)*`): star height above 1;
 *  - a repeated group whose alternatives can start with the same character (`(a|a)*`, `(\w|\d)+`).
 * Polynomial cases (`\d+\.\d+` on an unanchored line) remain; the validators bound them by capping the
 * length of each line they test ({@link MAX_TESTED_LINE_LENGTH}).
 *
 * The parser is regjsparser (full ES2024 syntax: lookbehind, named groups, \p{…}); the analysis is ours
 * because safe-regex2 misses overlapping alternation and rejects lookbehind, and redos-detector accepts
 * `(a+)+` when nothing follows it and refuses everyday patterns such as `[a-z]+\d+`.
 */
/** Longest part of a line a user regex is run on. */
const MAX_TESTED_LINE_LENGTH = 4096;
/** Flags a user may give; `g` and `y` are the validators' business. */
const ALLOWED_REGEX_FLAGS = 'imsu';
const FEATURES = {
    lookbehind: true,
    namedGroups: true,
    unicodePropertyEscape: true,
    modifiers: true,
};
/** Why the pattern is refused (syntax or backtracking hazard), or undefined when it may be used. */
function checkUserRegex(pattern, flags = '') {
    const flag = [...flags].find((f) => !ALLOWED_REGEX_FLAGS.includes(f));
    if (flag !== undefined)
        return {
            kind: 'unsupported-flag',
            flag,
            reason: `the flag '${flag}' is not supported; use any of ${ALLOWED_REGEX_FLAGS}`,
        };
    try {
        new RegExp(pattern, flags);
    }
    catch (error) {
        const detail = error.message.replace(/^Invalid regular expression: /, '');
        return { kind: 'invalid-syntax', detail, reason: `it is not a valid regular expression: ${detail}` };
    }
    let ast;
    try {
        ast = (0,regjsparser__WEBPACK_IMPORTED_MODULE_0__.parse)(pattern, flags, FEATURES);
    }
    catch {
        // V8 accepted it but the parser did not (a newer syntax): we cannot prove it safe.
        return {
            kind: 'unknown-syntax',
            reason: 'it uses syntax the backtracking check does not understand; simplify the pattern',
        };
    }
    const hazard = findHazard(ast, undefined, flags) ?? findSequenceRisk(pattern);
    return hazard === undefined
        ? undefined
        : { kind: 'catastrophic-backtracking', hazard, reason: `it can backtrack catastrophically: ${hazard}` };
}
/** Compiles a user regex or throws with the reason. Only call on patterns that passed {@link checkUserRegex}. */
function compileUserRegex(pattern, flags = '') {
    const refusal = checkUserRegex(pattern, flags);
    if (refusal !== undefined)
        throw new Error(`pattern '${pattern}': ${refusal.reason}`);
    return new RegExp(pattern, flags);
}
function repeats(q) {
    return q.max === undefined || q.max > 1;
}
function findHazard(node, outer, flags) {
    switch (node.type) {
        case 'quantifier': {
            if (outer !== undefined && repeats(node) && node.min !== node.max) {
                return `the quantifier '${node.raw}' is nested inside the repeated '${outer.raw}'; remove the inner or the outer quantifier (e.g. '(a+)+' → 'a+', '(\\w+\\s?)*' → '[\\w\\s]*')`;
            }
            const next = outer ?? (repeats(node) ? node : undefined);
            return findHazard(node.body[0], next, flags);
        }
        case 'disjunction': {
            if (outer !== undefined) {
                const overlap = findOverlap(node.body, flags);
                if (overlap) {
                    return `the alternatives '${overlap[0]}' and '${overlap[1]}' inside the repeated '${outer.raw}' can match the same text; make them exclusive or use a character class (e.g. '(a|a)*' → 'a*', '(\\w|\\d)+' → '\\w+')`;
                }
            }
            return firstHazard(node.body, outer, flags);
        }
        case 'alternative':
        case 'group':
            return firstHazard(node.body, outer, flags);
        default:
            return undefined;
    }
}
function firstHazard(nodes, outer, flags) {
    for (const n of nodes) {
        const h = findHazard(n, outer, flags);
        if (h !== undefined)
            return h;
    }
    return undefined;
}
/** What a sequence of nodes can start with. */
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
        case 'value':
        case 'characterClass':
        case 'characterClassEscape':
        case 'unicodePropertyEscape':
        case 'dot':
            return { atoms: [node.raw], any: false, nullable: false };
        case 'anchor':
            return { atoms: [], any: false, nullable: true };
        case 'group':
            if (node.behavior !== 'normal' && node.behavior !== 'ignore')
                return { atoms: [], any: false, nullable: true };
            return firstChars(node.body);
        case 'alternative':
            return firstChars(node.body);
        case 'disjunction': {
            const parts = node.body.map(firstOf);
            return {
                atoms: parts.flatMap((p) => p.atoms),
                any: parts.some((p) => p.any),
                nullable: parts.some((p) => p.nullable),
            };
        }
        case 'quantifier': {
            const f = firstOf(node.body[0]);
            return { ...f, nullable: f.nullable || node.min === 0 };
        }
        default:
            return { atoms: [], any: true, nullable: false };
    }
}
/** Characters we try against two alternatives' first characters: ASCII, Latin-1 and a few others. */
const SAMPLES = [
    ...Array.from({ length: 256 }, (_, i) => String.fromCharCode(i)),
    'α',
    'я',
    '中',
    '\u2028',
    '\u3000',
    '😀',
];
function findOverlap(alternatives, flags) {
    const firsts = alternatives.map(firstOf);
    for (let i = 0; i < firsts.length; i++) {
        for (let j = i + 1; j < firsts.length; j++) {
            if (overlaps(firsts[i], firsts[j], flags))
                return [alternatives[i].raw, alternatives[j].raw];
        }
    }
    return undefined;
}
function overlaps(a, b, flags) {
    if (a.any || b.any || a.nullable || b.nullable)
        return true;
    const matcher = (atoms) => atoms.map((s) => new RegExp(`^(?:${s})$`, flags));
    const ra = matcher(a.atoms);
    const rb = matcher(b.atoms);
    return SAMPLES.some((c) => ra.some((r) => r.test(c)) && rb.some((r) => r.test(c)));
}
/**
 * A token-level check that complements the syntax-tree analysis: adjacent unbounded quantifiers over
 * overlapping atoms (`\w+\w+`, `.*.*`, `\S+.+`) backtrack polynomially on long inputs, and a repeated group
 * with an unbounded quantifier inside (`(\w*x){2,9}`). Returns the reason, or undefined.
 */
function findSequenceRisk(source) {
    const stack = [{ unbounded: false }];
    // The previous quantified atom in the current sequence, if its quantifier was unbounded.
    let previousUnbounded;
    let i = 0;
    while (i < source.length) {
        const c = source[i];
        let atom;
        let group;
        if (c === '\\') {
            const next = source[i + 1] ?? '';
            if ((next === 'p' || next === 'P' || next === 'u' || next === 'k') && source[i + 2] === '{') {
                const close = source.indexOf('}', i);
                atom = source.slice(i, close + 1);
                i = close + 1;
            }
            else {
                atom = source.slice(i, i + 2);
                i += 2;
            }
        }
        else if (c === '[') {
            let j = i + 1;
            if (source[j] === '^')
                j++;
            if (source[j] === ']')
                j++;
            while (j < source.length && source[j] !== ']')
                j += source[j] === '\\' ? 2 : 1;
            atom = source.slice(i, j + 1);
            i = j + 1;
        }
        else if (c === '(') {
            stack.push({ unbounded: false });
            previousUnbounded = undefined;
            i++;
            if (source[i] === '?') {
                i++;
                if (source[i] === '<' && source[i + 1] !== '=' && source[i + 1] !== '!')
                    i = source.indexOf('>', i) + 1;
                else
                    i++;
            }
            continue;
        }
        else if (c === ')') {
            group = stack.length > 1 ? stack.pop() : undefined;
            atom = ')';
            i++;
        }
        else if (c === '|') {
            previousUnbounded = undefined;
            i++;
            continue;
        }
        else {
            atom = c;
            i++;
        }
        const q = readQuantifier(source, i);
        i = q.next;
        const frame = stack[stack.length - 1];
        if (group) {
            if (group.unbounded && q.repeats)
                return 'a repeated group contains an unbounded (or widely bounded) quantifier';
            if (group.unbounded)
                frame.unbounded = true;
        }
        if (q.unbounded) {
            frame.unbounded = true;
            if (previousUnbounded !== undefined && tokensOverlap(previousUnbounded, atom)) {
                return `adjacent unbounded (or widely bounded) quantifiers over overlapping characters (${previousUnbounded}, ${atom})`;
            }
            previousUnbounded = atom;
        }
        else if (!q.optional) {
            previousUnbounded = undefined;
        }
    }
    return undefined;
}
function readQuantifier(source, i) {
    const c = source[i];
    let next = i;
    let unbounded = false;
    let repeats = false;
    let optional = false;
    if (c === '*' || c === '+') {
        unbounded = repeats = true;
        optional = c === '*';
        next = i + 1;
    }
    else if (c === '?') {
        optional = true;
        next = i + 1;
    }
    else if (c === '{') {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i, i + 24));
        if (m) {
            const min = Number(m[1]);
            const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
            // A wide bounded range backtracks like an unbounded one: `\w{1,2000}\w{1,2000}!` is quadratic per line.
            unbounded = max === Infinity || max - min > WIDE_RANGE;
            repeats = max > 1;
            optional = min === 0;
            next = i + m[0].length;
        }
    }
    if (next > i && source[next] === '?')
        next++;
    return { next, unbounded, repeats, optional };
}
/** A bounded quantifier whose range is wider than this counts as unbounded in the sequence check. */
const WIDE_RANGE = 32;
const BROAD = new Set(['.', '\\S', '\\w', '\\W', '\\D', '\\s', ')']);
function tokensOverlap(a, b) {
    return a === b || BROAD.has(a) || BROAD.has(b) || a.startsWith('[^') || b.startsWith('[^');
}


/***/ }),

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   j1: () => (/* binding */ ConfigurationError),
/* harmony export */   m_: () => (/* binding */ configurationErrorOf)
/* harmony export */ });
/* unused harmony exports UsageError, UpstreamError, GitHubError, gitHubFailureKind, PermissionError, describeError */
/**
 * Errors say who must act. main.ts turns each into one clear sentence and the right exit status.
 */
/** The user must fix something: an input, the config file, a permission. Exit status 2 in the CLI. */
class ConfigurationError extends Error {
    location;
    problems;
    name = 'ConfigurationError';
    constructor(message, 
    /** Where: `.github/codex-hooks.yml:12:5` or `input 'fail-on'`. */
    location, 
    /** Every problem found, when a file had several (the message lists them). */
    problems = location ? [{ message, location }] : []) {
        super(location ? `${location}: ${message}` : message);
        this.location = location;
        this.problems = problems;
    }
}
const MAX_PROBLEMS_SHOWN = 20;
/** All the problems of one file in one error, so one edit fixes them all rather than one run per mistake. */
function configurationErrorOf(problems, file) {
    const [first] = problems;
    if (first === undefined)
        throw new Error('configurationErrorOf needs at least one problem');
    if (problems.length === 1)
        return new ConfigurationError(first.message, first.location);
    const shown = problems.slice(0, MAX_PROBLEMS_SHOWN).map((p) => `  ${p.location}: ${p.message}`);
    if (problems.length > MAX_PROBLEMS_SHOWN)
        shown.push(`  and ${problems.length - MAX_PROBLEMS_SHOWN} more`);
    return new ConfigurationError(`${problems.length} problems in ${file}:\n${shown.join('\n')}`, undefined, problems);
}
/** A command line the CLI cannot take: a bad flag or argument. Shown with the command's usage line; exit 2. */
class UsageError extends Error {
    usage;
    name = 'UsageError';
    constructor(message, 
    /** The one-line synopsis of the command, e.g. `codex-hooks scan PATH... [options]`. */
    usage) {
        super(message);
        this.usage = usage;
    }
}
/** An outside system failed: GitHub or the hook endpoint. Says what answered, how, and what to do. */
class UpstreamError extends Error {
    service;
    status;
    hint;
    name = 'UpstreamError';
    constructor(message, service, status, hint) {
        super(`${service}${status !== undefined ? ` answered ${status}` : ' failed'}: ${message}${hint ? ` (${hint})` : ''}`);
        this.service = service;
        this.status = status;
        this.hint = hint;
    }
}
/** GitHub refused or failed a request; `kind` says why, the message quotes GitHub's reason (redacted). */
class GitHubError extends UpstreamError {
    kind;
    name = 'GitHubError';
    constructor(message, kind, status, hint) {
        super(message, 'GitHub', status, hint);
        this.kind = kind;
    }
}
/** The kind of a GitHub failure; undefined for anything else. */
function gitHubFailureKind(error) {
    if (error instanceof PermissionError)
        return 'permission';
    return error instanceof GitHubError ? error.kind : undefined;
}
/** A write GitHub refused for lack of a workflow permission; the run goes on and reports another way. */
class PermissionError extends UpstreamError {
    permission;
    name = 'PermissionError';
    constructor(permission, what) {
        super(`the token may not ${what}`, 'GitHub', 403, `grant \`permissions: ${permission}\` to the job; on pull requests from forks the token is read-only`);
        this.permission = permission;
    }
}
/** One sentence for the log, whatever was thrown. */
function describeError(error) {
    if (error instanceof UsageError)
        return `Usage error: ${error.message}\nUsage: ${error.usage}`;
    if (error instanceof ConfigurationError)
        return `Configuration error: ${error.message}`;
    if (error instanceof UpstreamError)
        return error.message;
    if (error instanceof Error)
        return `Internal error (please report it): ${error.message}`;
    return `Internal error (please report it): ${String(error)}`;
}


/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 1138:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  VR: () => (/* binding */ Minimatch),
  ih: () => (/* reexport */ escape_escape)
});

// UNUSED EXPORTS: GLOBSTAR, braceExpand, defaults, filter, match, minimatch, sep, unescape

;// CONCATENATED MODULE: ./node_modules/balanced-match/dist/esm/index.js
const balanced = (a, b, str) => {
    const ma = a instanceof RegExp ? maybeMatch(a, str) : a;
    const mb = b instanceof RegExp ? maybeMatch(b, str) : b;
    const r = ma !== null && mb != null && range(ma, mb, str);
    return (r && {
        start: r[0],
        end: r[1],
        pre: str.slice(0, r[0]),
        body: str.slice(r[0] + ma.length, r[1]),
        post: str.slice(r[1] + mb.length),
    });
};
const maybeMatch = (reg, str) => {
    const m = str.match(reg);
    return m ? m[0] : null;
};
const range = (a, b, str) => {
    let begs, beg, left, right = undefined, result;
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
            }
            else if (begs.length === 1) {
                const r = begs.pop();
                if (r !== undefined)
                    result = [r, bi];
            }
            else {
                beg = begs.pop();
                if (beg !== undefined && beg < left) {
                    left = beg;
                    right = bi;
                }
                bi = str.indexOf(b, i + 1);
            }
            i = ai < bi && ai >= 0 ? ai : bi;
        }
        if (begs.length && right !== undefined) {
            result = [left, right];
        }
    }
    return result;
};
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/brace-expansion/dist/esm/index.js

const escSlash = '\0SLASH' + Math.random().toFixed(16) + '\0';
const escOpen = '\0OPEN' + Math.random().toFixed(16) + '\0';
const escClose = '\0CLOSE' + Math.random().toFixed(16) + '\0';
const escComma = '\0COMMA' + Math.random().toFixed(16) + '\0';
const escPeriod = '\0PERIOD' + Math.random().toFixed(16) + '\0';
const escSlashPattern = new RegExp(escSlash, 'g');
const escOpenPattern = new RegExp(escOpen, 'g');
const escClosePattern = new RegExp(escClose, 'g');
const escCommaPattern = new RegExp(escComma, 'g');
const escPeriodPattern = new RegExp(escPeriod, 'g');
const slashPattern = /\\\\/g;
const openPattern = /\\{/g;
const closePattern = /\\}/g;
const commaPattern = /\\,/g;
const periodPattern = /\\\./g;
const EXPANSION_MAX = 100_000;
// `EXPANSION_MAX` caps the *number* of expansions, but not their length. An
// input like `'{a,b}'.repeat(1500)` stays under that count - its output is
// truncated to 100k results - while making every result ~1500 characters
// long. The result set, and the intermediate arrays built while combining
// brace sets, then grow large enough to exhaust memory and crash the process
// (CVE-2026-14257). `EXPANSION_MAX_LENGTH` bounds the total number of
// characters the accumulator may hold at any point, so memory stays flat no
// matter how many brace groups are chained. The limit sits well above any
// realistic expansion (100k results hitting `EXPANSION_MAX` measure ~1M
// characters) so legitimate input is unaffected.
const EXPANSION_MAX_LENGTH = 4_000_000;
// `expand_` recurses once per level of brace *nesting* - both when expanding a
// set's comma members and when re-wrapping a set whose body is a single part.
// The CVE-2026-14257 fix made the *tail* iterative (recursion on `m.post`, one
// level per chained group), which left nesting depth unbounded: about 3,100
// levels of `{{{...a,b...}}}` - only ~6KB of input - exhausted the native stack
// and crashed the process. `EXPANSION_MAX_DEPTH` bounds how deep the parser
// will follow nesting. It sits far above any realistic pattern and well below
// the depth at which the stack runs out.
const EXPANSION_MAX_DEPTH = 1_000;
// Bash keeps a quirk where a brace group followed by a comma set still expands
// (`{a},b}`). The parser implements it by rewriting the string and restarting
// the scan, absorbing one `}` per pass. `n` trailing braces therefore cost `n`
// full passes over a string that itself grows by one `escClose` sentinel each
// time - quadratic in `n`, with a ~26x constant from the sentinel's length.
// 128KB of `'{a}' + '}'.repeat(n) + ',z}'` blocked the event loop for 27
// seconds to produce two results. `EXPANSION_MAX_REWRITES` bounds how many
// times the scan may restart. Real `{a},b}` input needs a handful.
const EXPANSION_MAX_REWRITES = 1_000;
// `EXPANSION_MAX_STEPS` bounds the work one `expand` call does, which `max`,
// `maxLength` and `maxDepth` don't: nested sets are rescanned at every level
// and chained groups each rebuild up to `max` results, so 2KB of input could
// block the event loop for over 30 seconds. Each character scanned, result
// built and sequence value generated is a step, and each `expand_` call costs
// `CALL_STEPS` more. Past the budget, the set being expanded and everything
// after it stay literal. A glob needs a few hundred steps, and nesting all the
// way to `EXPANSION_MAX_DEPTH` about 4M.
const EXPANSION_MAX_STEPS = 20_000_000;
// What one `expand_` call costs on top of what it scans and builds. Setting
// one up takes about as long as scanning 16 characters, and a set whose
// results are wrapped to be expanded again makes one call per result, each
// scanning and building next to nothing: 64KB of
// `('{{' + ','.repeat(316) + '}{' + ','.repeat(316) + '}}').repeat(n)` made
// 4M such calls, which spent the budget three times as slowly as anything
// else.
const CALL_STEPS = 16;
function numeric(str) {
    return !isNaN(str) ? parseInt(str, 10) : str.charCodeAt(0);
}
function escapeBraces(str) {
    return str
        .replace(slashPattern, escSlash)
        .replace(openPattern, escOpen)
        .replace(closePattern, escClose)
        .replace(commaPattern, escComma)
        .replace(periodPattern, escPeriod);
}
function unescapeBraces(str) {
    return str
        .replace(escSlashPattern, '\\')
        .replace(escOpenPattern, '{')
        .replace(escClosePattern, '}')
        .replace(escCommaPattern, ',')
        .replace(escPeriodPattern, '.');
}
// Like `target.push(...items)` but doesn't overflow the stack
function pushAll(target, items) {
    for (let i = 0; i < items.length; i++) {
        target.push(items[i]);
    }
}
// `balanced`, run on `masked` (see `maskUnmatchedOpens`), sliced from `str`
// and charged for the characters it walks: up to the group's `}`, or the
// whole string when there is no match or unmatched `{` come first, which
// `unmatched` then flags for masking. Once a call overdraws the budget, it
// and every later one return undefined, so the rest stays literal.
function balancedWithBudget(str, masked, budget) {
    if (budget.remaining < 0) {
        return undefined;
    }
    const r = range('{', '}', masked);
    const unmatched = r !== undefined && masked.indexOf('{') < r[0];
    budget.remaining -= r && !unmatched ? r[1] + 1 : str.length;
    if (!r || budget.remaining < 0) {
        return undefined;
    }
    return {
        end: r[1],
        pre: str.slice(0, r[0]),
        body: str.slice(r[0] + 1, r[1]),
        post: str.slice(r[1] + 1),
        unmatched,
    };
}
// `masked` with every `{` that has no matching `}` swapped for a `\0`, which
// keeps the length, so a scan of it still lines up with the string it was
// made from. Such a `{` is literal either way, but `balanced` only learns that
// one is unmatched by reading to the end of the string, so with one at the
// head of every group (`'{a,{b,c}'.repeat(n)`) each scan read the rest of the
// input. That was quadratic, and once the step budget charged for it, it ran
// out partway through and left the rest literal. A scan of the masked copy
// stops at the group's `}`. It is one pass, charged as such.
function maskUnmatchedOpens(masked, budget) {
    budget.remaining -= masked.length;
    const open = [];
    for (let i = 0; i < masked.length; i++) {
        const c = masked.charCodeAt(i);
        if (c === 0x7b) {
            open.push(i);
        }
        else if (c === 0x7d && open.length) {
            open.pop();
        }
    }
    let out = '';
    let last = 0;
    for (let i = 0; i < open.length; i++) {
        const at = open[i];
        out += masked.slice(last, at) + '\0';
        last = at + 1;
    }
    return out + masked.slice(last);
}
// Whether `str` has a `,` not followed by another `,`, with a `}` after it on
// the same line - what `/,(?!,).*\}/.test(str)` asks, answered in one pass from
// the end. The regex tries every `,` and backtracks through the rest of its
// line from each, which is quadratic, and the `{a},b}` rewrite asks again on
// every pass. Like a scan, it is charged for the whole string and refused if
// that overdraws the budget.
function commaSetFollows(str, budget) {
    budget.remaining -= str.length;
    if (budget.remaining < 0) {
        return false;
    }
    // Whether a `}` follows the current position before the line ends
    let close = false;
    for (let i = str.length - 1; i >= 0; i--) {
        const c = str.charCodeAt(i);
        if (c === 0x7d) {
            close = true;
        }
        else if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) {
            // A line terminator, which `.` does not match
            close = false;
        }
        else if (c === 0x2c && close && str.charCodeAt(i + 1) !== 0x2c) {
            return true;
        }
    }
    return false;
}
/**
 * Basically just str.split(","), but handling cases
 * where we have nested braced sections, which should be
 * treated as individual members, like {a,{b,c},d}
 *
 * Returns `undefined` if the step budget runs out before the whole set is
 * split, since splitting what is left on every comma would tear apart the
 * nested sets it still holds.
 */
function parseCommaParts(str, budget) {
    const parts = [];
    // Walk the brace groups iteratively. Recursing on `post` once per group let a
    // chain of them exhaust the stack - the parsing-side counterpart to
    // the `expand_` overflow fixed for CVE-2026-14257, and not something `max` or
    // `maxLength` can bound, since it happens before expansion.
    //
    // The part the next chunk continues
    let carry = '';
    for (;;) {
        // A set's body holds no unmatched `{`, so there is nothing to mask.
        const m = balancedWithBudget(str, str, budget);
        if (budget.remaining < 0) {
            return undefined;
        }
        if (!m) {
            const tail = str.split(',');
            tail[0] = carry + tail[0];
            pushAll(parts, tail);
            return parts;
        }
        const { pre, body, post } = m;
        const p = pre.split(',');
        p[0] = carry + p[0];
        p[p.length - 1] += '{' + body + '}';
        if (!post.length) {
            pushAll(parts, p);
            return parts;
        }
        carry = p.pop();
        pushAll(parts, p);
        str = post;
    }
}
// An option that is left out, or that is NaN, gets its default. Every
// comparison against NaN is false, so a NaN bound would never be reached:
// `{ maxSteps: NaN }` let 15KB of input block the event loop for 16 seconds,
// and `{ maxDepth: NaN }` overflowed the stack again (CVE-2026-102278). Pass
// `Infinity` to lift a bound.
function bound(value, fallback) {
    return value === undefined || isNaN(value) ? fallback : value;
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
    // I don't know why Bash 4.3 does this, but it does.
    // Anything starting with {} will have the first two bytes preserved
    // but *only* at the top level, so {},a}b will not expand to anything,
    // but a{},b}c will be expanded to [a}c,abc].
    // One could argue that this is a bug in Bash, but since the goal of
    // this module is to match Bash's rules, we escape a leading {}
    if (str.slice(0, 2) === '{}') {
        str = '\\{\\}' + str.slice(2);
    }
    return expand_(escapeBraces(str), max, maxLength, maxDepth, 0, maxRewrites, { remaining: maxSteps }, true).map(unescapeBraces);
}
function embrace(str) {
    return '{' + str + '}';
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
// Build `{ acc[a] + pre + values[v] }` for every combination, capping the
// number of results at `max` and the total number of characters at `maxLength`.
// This is the one place output grows, so bounding it here keeps the single
// accumulator - and therefore memory - flat regardless of how many brace groups
// are combined (CVE-2026-14257). Each result built is a step, since `max` and
// `maxLength` bound one combination, not how many brace groups are combined.
function combine(acc, pre, values, max, maxLength, dropEmpties, budget) {
    const out = [];
    let length = 0;
    // Bash drops empty results at the top level, and they don't count against
    // `max`, so `max` bounds the number of *kept* results. Only an empty
    // `acc[a] + pre` can make one, so for those the empty values are skipped
    // without being visited. Visiting them one at a time let a set of empties
    // cost `acc.length * values.length` while keeping nothing.
    let nonEmpty;
    outer: for (let a = 0; a < acc.length; a++) {
        const prefix = acc[a] + pre;
        let vs = values;
        if (dropEmpties && !prefix) {
            if (!nonEmpty)
                nonEmpty = values.filter(v => v);
            vs = nonEmpty;
        }
        for (let v = 0; v < vs.length; v++) {
            if (out.length >= max)
                break outer;
            const expansion = prefix + vs[v];
            if (length + expansion.length > maxLength)
                break outer;
            out.push(expansion);
            length += expansion.length;
        }
    }
    budget.remaining -= out.length;
    return out;
}
// The expansion values of a single numeric (`1..5`) or alphabetic (`a..e..2`)
// sequence body, or `undefined` if the step budget runs out generating them.
function expandSequence(body, isAlphaSequence, max, maxLength, budget) {
    const n = body.split(/\.\./);
    const N = [];
    // A sequence body always splits into two or three parts, but the compiler
    // can't know that.
    /* c8 ignore start */
    if (n[0] === undefined || n[1] === undefined) {
        return N;
    }
    /* c8 ignore stop */
    const x = numeric(n[0]);
    const y = numeric(n[1]);
    const width = Math.max(n[0].length, n[1].length);
    let incr = n.length === 3 && n[2] !== undefined ?
        Math.max(Math.abs(numeric(n[2])), 1)
        : 1;
    let test = lte;
    const reverse = y < x;
    if (reverse) {
        incr *= -1;
        test = gte;
    }
    const pad = n.some(isPadded);
    // A padded value is built a character at a time to `width`, which the input
    // sets, so it costs one step per character: 64KB of
    // `('{' + '0'.repeat(100) + '..99999}').repeat(n)` took 7 seconds charged
    // one step per value.
    const cost = pad ? width : 1;
    let length = 0;
    for (let i = x; test(i, y) && N.length < max; i += incr) {
        // Each value is a step. `max` and `maxLength` bound one sequence, but a
        // chain of them still generated up to `max` values each, however few
        // combining could keep.
        budget.remaining -= cost;
        if (budget.remaining < 0) {
            return undefined;
        }
        let c;
        if (isAlphaSequence) {
            c = String.fromCharCode(i);
            if (c === '\\') {
                c = '';
            }
        }
        else {
            c = String(i);
            if (pad) {
                const need = width - c.length;
                if (need > 0) {
                    const z = new Array(need + 1).join('0');
                    if (i < 0) {
                        c = '-' + z + c.slice(1);
                    }
                    else {
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
    // An overdraft here makes the first scan refuse, so `str` stays literal.
    budget.remaining -= CALL_STEPS;
    // Too deeply nested to keep following: treat the rest as literal, the same
    // way a group that cannot expand is already handled. Truncating rather than
    // throwing keeps `expand` total, matching `max` and `maxLength`.
    if (depth > maxDepth) {
        return [str];
    }
    // Consume the string's top-level brace groups left to right, threading a
    // running set of combined prefixes (`acc`). Expanding the tail iteratively -
    // rather than recursing on `m.post` once per group - keeps the native stack
    // depth constant, so deeply chained input (`'{a,b}'.repeat(3000)`) can no
    // longer overflow the stack, and leaves a single accumulator whose size
    // `maxLength` bounds directly (CVE-2026-14257).
    let acc = [''];
    // Bash drops empty results, but only when the *first* top-level group is a
    // comma set - a sequence like `{a..\}` may legitimately yield ''. The drop
    // is on the final strings, so it is applied to whichever `combine` produces
    // them (the one with no brace set left in the tail).
    // How many times the `{a},b}` rewrite below has restarted the scan. Each pass
    // re-reads the whole string, so leaving this unbounded is quadratic.
    let rewrites = 0;
    let dropEmpties = false;
    let firstGroup = true;
    // `str` with its unmatched `{` masked, once a scan has run into them
    let masked = str;
    for (;;) {
        const m = balancedWithBudget(str, masked, budget);
        // No brace set left, or no step budget left to look for one: the rest of
        // the string is literal.
        if (!m) {
            return combine(acc, str, [''], max, maxLength, dropEmpties, budget);
        }
        if (m.unmatched) {
            masked = maskUnmatchedOpens(masked, budget);
        }
        // no need to expand pre, since it is guaranteed to be free of brace-sets
        const pre = m.pre;
        // This set and the rest of the string, literal: for a set that cannot
        // expand, and for one the step budget runs out on. Once it is overdrawn,
        // every set still being expanded, at every level, stays literal like this -
        // otherwise each level above would go on combining, and wrapping and
        // expanding again, results the budget was too small for.
        const literal = () => combine(acc, pre + '{' + m.body + '}' + m.post, [''], max, maxLength, dropEmpties, budget);
        if (/\$$/.test(pre)) {
            acc = combine(acc, pre + '{' + m.body + '}', [''], max, maxLength, dropEmpties && !m.post.length, budget);
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
        const isOptions = m.body.indexOf(',') >= 0;
        if (!isSequence && !isOptions) {
            // {a},b}
            if (rewrites < maxRewrites && commaSetFollows(m.post, budget)) {
                rewrites++;
                str = m.pre + '{' + m.body + escClose + m.post;
                // Taking a `}` away never gives an unmatched `{` a partner, so what
                // is masked stays unmatched. The `{` it closed can be left without
                // one, and the next scan masks it.
                masked =
                    masked.slice(0, m.end) + escClose + masked.slice(m.end + 1);
                isTop = true;
                continue;
            }
            // Nothing here expands, so the whole remaining string is literal.
            return literal();
        }
        if (firstGroup) {
            dropEmpties = isTop && !isSequence;
            firstGroup = false;
        }
        let values;
        if (isSequence) {
            values = expandSequence(m.body, isAlphaSequence, max, maxLength, budget);
            if (!values) {
                return literal();
            }
        }
        else {
            let n = parseCommaParts(m.body, budget);
            // The step budget ran out partway through the set.
            if (!n) {
                return literal();
            }
            if (n.length === 1 && n[0] !== undefined) {
                // x{{a,b}}y ==> x{a}y x{b}y
                n = expand_(n[0], max, maxLength, maxDepth, depth + 1, maxRewrites, budget, false).map(embrace);
                // The step budget ran out expanding the set's only part.
                if (budget.remaining < 0) {
                    return literal();
                }
                //XXX is this necessary? Can't seem to hit it in tests.
                /* c8 ignore start */
                if (n.length === 1) {
                    const next = combine(acc, pre + n[0], [''], max, maxLength, dropEmpties && !m.post.length, budget);
                    if (budget.remaining < 0) {
                        return literal();
                    }
                    acc = next;
                    if (!m.post.length)
                        break;
                    str = m.post;
                    masked = masked.slice(m.end + 1);
                    continue;
                }
                /* c8 ignore stop */
            }
            // Values that `combine` is going to drop as empty produce no result, so
            // they must not count against `max` - otherwise `{a,,b}` with `max: 2`
            // would stop at `['a', '']` and yield one result instead of two. Skipping
            // them outright keeps `values` bounded while leaving `max` a bound on
            // *kept* results.
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
                // The step budget ran out expanding a member.
                if (budget.remaining < 0) {
                    return literal();
                }
                for (let k = 0; k < expanded.length; k++) {
                    const v = expanded[k];
                    if (dropsEmpties && !v)
                        continue;
                    if (values.length >= max ||
                        valuesLength + v.length > maxLength) {
                        break outer;
                    }
                    values.push(v);
                    valuesLength += v.length;
                }
            }
        }
        const next = combine(acc, pre, values, max, maxLength, dropEmpties && !m.post.length, budget);
        // The step budget ran out combining the set's values in.
        if (budget.remaining < 0) {
            return literal();
        }
        acc = next;
        if (!m.post.length)
            break;
        str = m.post;
        masked = masked.slice(m.end + 1);
    }
    return acc;
}
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@isaacs/nonrecursive-glob-match/dist/esm/numeric-range.js
// One digit, or a class of digits from a to b.
const digit = (a, b) => a === b ?
    { t: 'lit', ch: String(a) }
    : { t: 'class', re: new RegExp(`^[${a}-${b}]$`) };
const prefix = (d, alts) => alts.map(s => [digit(d, d), ...s]);
// The digit strings from a to b, which have the same length.
const fixed = (a, b) => {
    if (!a)
        return [[]];
    let lo = +a[0];
    let hi = +b[0];
    const ra = a.slice(1);
    const rb = b.slice(1);
    if (lo === hi)
        return prefix(lo, fixed(ra, rb));
    const zeros = '0'.repeat(ra.length);
    const nines = '9'.repeat(ra.length);
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
// The numbers from a to b, where 0 <= a <= b. If width is set, each
// one has leading zeros to make it that many digits.
const nonneg = (a, b, width) => {
    if (width) {
        return fixed(String(a).padStart(width, '0'), String(b).padStart(width, '0'));
    }
    const out = [];
    for (let len = String(a).length; len <= String(b).length; len++) {
        const lo = Math.max(a, len === 1 ? 0 : 10 ** (len - 1));
        const hi = Math.min(b, 10 ** len - 1);
        out.push(...fixed(String(lo), String(hi)));
    }
    return out;
};
/**
 * The strings that the bash brace expansion `{lo..hi}` makes, as
 * the alternatives of an `@(...)` extglob. Each one is a sequence of
 * digits and digit classes, so there are only a few of them, even for
 * a large range.
 *
 * If either end has a leading zero, such as `{01..10}`, each number
 * has leading zeros to make it as long as the longer end, counting a
 * `-` sign. So `{-05..3}` makes `-05` to `-01`, then `000` to `003`.
 *
 * Returns undefined if either end is not a safe integer.
 */
const numericRange = (loStr, hiStr) => {
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
        out.push(...neg.map(s => [{ t: 'lit', ch: '-' }, ...s]));
    }
    if (hi >= 0)
        out.push(...nonneg(Math.max(lo, 0), hi, width));
    return out;
};
//# sourceMappingURL=numeric-range.js.map
;// CONCATENATED MODULE: ./node_modules/@isaacs/nonrecursive-glob-match/dist/esm/parse-class.js
// translate the various posix character classes into unicode properties
// this works across all unicode locales
// { <posix class>: [<translation>, negated]
const posixClasses = {
    '[:alnum:]': ['\\p{L}\\p{Nl}\\p{Nd}'],
    '[:alpha:]': ['\\p{L}\\p{Nl}'],
    '[:ascii:]': ['\\x' + '00-\\x' + '7f'],
    '[:blank:]': ['\\p{Zs}\\t'],
    '[:cntrl:]': ['\\p{Cc}'],
    '[:digit:]': ['\\p{Nd}'],
    '[:graph:]': ['\\p{Z}\\p{C}', true],
    '[:lower:]': ['\\p{Ll}'],
    '[:print:]': ['\\p{C}', true],
    '[:punct:]': ['\\p{P}\\p{S}'],
    '[:space:]': ['\\p{Z}\\t\\r\\n\\v\\f'],
    '[:upper:]': ['\\p{Lu}'],
    '[:word:]': ['\\p{L}\\p{Nl}\\p{Nd}\\p{Pc}'],
    '[:xdigit:]': ['A-Fa-f0-9'],
};
// only need to escape a few things inside of brace expressions
// escapes: [ \ ] -
const braceEscape = (s) => s.replace(/[[\]\\-]/g, '\\$&');
const noMatch = /$./;
// Takes a glob string at a posix brace expression. Returns a RegExp
// that tests one character, and the number of glob chars consumed.
// If the class is not closed, consumed is 0, and the `[` must be
// treated as a literal character.
// Out of order ranges are removed. If nothing is left, the RegExp
// is `/$./`, and the rest of the glob is consumed, so that the
// whole glob cannot match.
const parseClass = (glob, position, nocase = false, form) => {
    // normalize one class member, if it stays one code point
    const norm = (c) => {
        const n = form ? c.normalize(form) : c;
        return [...n].length === 1 ? n : c;
    };
    const pos = position;
    /* c8 ignore start */
    if (glob.charAt(pos) !== '[') {
        throw new Error('not in a brace expression');
    }
    /* c8 ignore stop */
    const ranges = [];
    const negs = [];
    let i = pos + 1;
    let sawStart = false;
    let escaping = false;
    let negate = false;
    let endPos = pos;
    let rangeStart = '';
    WHILE: while (i < glob.length) {
        const c = String.fromCodePoint(glob.codePointAt(i));
        if ((c === '!' || c === '^') && i === pos + 1) {
            negate = true;
            i++;
            continue;
        }
        if (c === ']' && sawStart && !escaping) {
            endPos = i + 1;
            break;
        }
        sawStart = true;
        if (c === '\\') {
            if (!escaping) {
                escaping = true;
                i++;
                continue;
            }
            // escaped \ char, fall through and treat like normal char
        }
        if (c === '[' && !escaping) {
            // either a posix class, a collation equivalent, or just a [
            for (const [cls, [unip, neg]] of Object.entries(posixClasses)) {
                if (glob.startsWith(cls, i)) {
                    // invalid, [a-[] is fine, but not [a-[:alpha]]
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
        // now it's just a normal character, effectively
        escaping = false;
        const n = norm(c);
        if (rangeStart) {
            // throw this range away if it's not valid, but others
            // can still match.
            if (n.codePointAt(0) > rangeStart.codePointAt(0)) {
                ranges.push(braceEscape(rangeStart) + '-' + braceEscape(n));
            }
            else if (n === rangeStart) {
                ranges.push(braceEscape(n));
            }
            rangeStart = '';
            i += c.length;
            continue;
        }
        // now might be the start of a range.
        // can be either c-d or c-] or c<more...>] or c] at this point
        if (glob.startsWith('-]', i + c.length)) {
            ranges.push(braceEscape(n + '-'));
            i += c.length + 1;
            continue;
        }
        if (glob.startsWith('-', i + c.length)) {
            rangeStart = n;
            i += c.length + 1;
            continue;
        }
        // not the start of a range, just a single character
        ranges.push(braceEscape(n));
        i += c.length;
    }
    if (endPos < i) {
        // didn't see the end of the class, not a valid class,
        // but might still be valid as a literal match.
        return [noMatch, 0];
    }
    // if we got no ranges and no negates, then we have a range that
    // cannot possibly match anything, and that poisons the whole glob
    if (!ranges.length && !negs.length) {
        return [noMatch, glob.length - pos];
    }
    const sranges = '[' + (negate ? '^' : '') + ranges.join('') + ']';
    const snegs = '[' + (negate ? '' : '^') + negs.join('') + ']';
    const comb = '^' +
        (ranges.length && negs.length ? '(' + sranges + '|' + snegs + ')'
            : ranges.length ? sranges
                : snegs);
    return [new RegExp(comb, nocase ? 'iu' : 'u'), endPos - pos];
};
//# sourceMappingURL=parse-class.js.map
;// CONCATENATED MODULE: ./node_modules/@isaacs/nonrecursive-glob-match/dist/esm/index.js


// the end of the pattern, or of a negated sub-pattern
const MATCH = { t: 'match', id: 0 };
const extTypes = '!?+*@';
const lit = (ch) => ({ t: 'lit', ch });
const reEscape = (s) => s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
// a RegExp that only matches `s`, with unicode case folding
const newFoldRe = (s) => new RegExp(`^${reEscape(s)}$`, 'iu');
// foldRe for one literal char. The same chars are in most patterns,
// so keep them. A RegExp without the `g` or `y` flag has no state to
// share.
const foldCache = new Map();
const foldRe = (ch) => {
    let re = foldCache.get(ch);
    if (!re) {
        re = newFoldRe(ch);
        if (foldCache.size >= 1000)
            foldCache.clear();
        foldCache.set(ch, re);
    }
    return re;
};
const litMatch = (l, c) => {
    if (c === l.ch)
        return true;
    if (!l.re)
        return false;
    const code = c.charCodeAt(0);
    if (code >= 128)
        return l.re.test(c);
    const ascii = (l.ascii ??= new Uint8Array(128));
    ascii[code] ||= l.re.test(c) ? 1 : 2;
    return ascii[code] === 1;
};
const tokenize = (p, nocase, noext, form, mark) => {
    const toks = [];
    for (let i = 0; i < p.length;) {
        const c = String.fromCodePoint(p.codePointAt(i));
        if (mark) {
            // a \ before a range would only escape its first char
            const m = c === '\\' && p.startsWith(mark, i + 1) ? 1 : 0;
            if (m || c === mark) {
                const start = i + m + mark.length;
                const end = p.indexOf(mark, start);
                const r = /^(-?\d+)\.\.(-?\d+)$/.exec(p.slice(start, end));
                const alts = end !== -1 && r && numericRange(r[1], r[2]);
                if (alts) {
                    toks.push({ t: 'ext', type: '@', alts });
                    i = end + mark.length;
                    continue;
                }
            }
        }
        if (c === '\\') {
            // a trailing \ is a literal \
            const e = p.codePointAt(i + 1);
            const ch = e === undefined ? c : String.fromCodePoint(e);
            toks.push(lit(ch));
            i += 1 + ch.length;
            continue;
        }
        if (c === '[') {
            const [re, consumed] = parseClass(p, i, nocase, form);
            if (consumed) {
                toks.push({ t: 'class', re });
                i += consumed;
                continue;
            }
        }
        if (!noext && extTypes.includes(c) && p[i + 1] === '(') {
            toks.push({ t: 'open', type: c });
            i += 2;
            continue;
        }
        toks.push(!noext && c === '|' ? { t: 'bar' }
            : !noext && c === ')' ? { t: 'close' }
                : c === '*' ? { t: 'star' }
                    : c === '?' ? { t: 'any' }
                        : lit(c));
        i += c.length;
    }
    return toks;
};
// map each open token index to the index of its close token
const pair = (toks) => {
    const pairs = new Map();
    const stack = [];
    toks.forEach((tok, i) => {
        if (tok.t === 'open')
            stack.push(i);
        else if (tok.t === 'close' && stack.length)
            pairs.set(stack.pop(), i);
    });
    return pairs;
};
// build the alternatives between start and end. An open token that
// is not closed is never inside a closed extglob, so bar and close
// tokens are only literal at the top level.
const build = (toks, pairs, start, end, top) => {
    let seq = [];
    const alts = [seq];
    for (let i = start; i < end; i++) {
        const tok = toks[i];
        const close = pairs.get(i);
        if (tok.t === 'open' && close !== undefined) {
            const sub = build(toks, pairs, i + 1, close, false);
            seq.push({ t: 'ext', type: tok.type, alts: sub });
            i = close;
        }
        else if (tok.t === 'bar' && !top) {
            alts.push((seq = []));
        }
        else if (tok.t === 'open') {
            seq.push(lit(tok.type), lit('('));
        }
        else if (tok.t === 'bar') {
            seq.push(lit('|'));
        }
        else if (tok.t === 'close') {
            seq.push(lit(')'));
        }
        else {
            seq.push(tok);
        }
    }
    return alts;
};
// normalize each run of literal chars as one string, so that a char
// and the combining marks after it compose (or decompose) together.
// Syntax is already parsed, so a char that normalizes to a syntax
// char (such as full-width `＊` in NFKC) stays a literal.
const normalize = (items, form) => {
    const out = [];
    let run = '';
    const flush = () => {
        for (const ch of run.normalize(form))
            out.push(lit(ch));
        run = '';
    };
    for (const it of items) {
        if (it.t === 'lit') {
            run += it.ch;
            continue;
        }
        flush();
        out.push(it.t === 'ext' ?
            { ...it, alts: it.alts.map(a => normalize(a, form)) }
            : it);
    }
    flush();
    return out;
};
// the start node, and the number of node ids. Ids are dense, from 0
// for the match node.
const compile = (items, nocase) => {
    let id = 1;
    const split = (out) => ({ t: 'split', id: id++, out });
    const seq = (items, next) => items.reduceRight((next, it) => item(it, next), next);
    const item = (it, next) => {
        switch (it.t) {
            case 'lit':
                const re = nocase ? foldRe(it.ch) : undefined;
                return { t: 'lit', id: id++, ch: it.ch, re, next };
            case 'any':
            case 'star':
                return { t: it.t, id: id++, next };
            case 'class':
                return { t: 'class', id: id++, re: it.re, next };
        }
        const alts = (next) => it.alts.map(a => seq(a, next));
        switch (it.type) {
            case '@':
                return split(alts(next));
            case '?':
                return split([next, ...alts(next)]);
            case '!':
                return { t: 'neg', id: id++, sub: split(alts(MATCH)), next };
        }
        // * and +, loop back after each match
        const after = split([]);
        const entry = split(alts(after));
        after.out.push(next, entry);
        return it.type === '*' ? after : entry;
    };
    const start = seq(items, MATCH);
    return [start, id];
};
// one line per node, in the order that a walk from the start
// reaches them. Edges point to node ids. The nodes of a negated
// sub-pattern are indented under their negation.
const show = (start) => {
    const lines = [];
    const seen = new Set();
    const ref = (n) => (n.t === 'match' ? 'match' : String(n.id));
    const walk = (n, indent) => {
        if (n.t === 'match' || seen.has(n))
            return;
        seen.add(n);
        const line = (desc) => lines.push(`${indent}${n.id}: ${desc}`);
        switch (n.t) {
            case 'split':
                line(`split -> ${n.out.map(ref).join(', ')}`);
                for (const o of n.out)
                    walk(o, indent);
                return;
            case 'neg':
                line(`!(${ref(n.sub)}) -> ${ref(n.next)}`);
                walk(n.sub, indent + '  ');
                return walk(n.next, indent);
            case 'lit':
                line(`${JSON.stringify(n.ch)} -> ${ref(n.next)}`);
                break;
            case 'class':
                line(`${n.re} -> ${ref(n.next)}`);
                break;
            default:
                line(`${n.t === 'any' ? '?' : '*'} -> ${ref(n.next)}`);
        }
        walk(n.next, indent);
    };
    walk(start, '');
    return [`start -> ${ref(start)}`, ...lines].join('\n');
};
// The threads at one position in the string. Each node thread is
// only kept once, and runs with the same state are only kept once,
// so that identical threads merge. The match node is not in
// `threads`, because it can not step. It sets `match` instead.
class State {
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
}
// true if the two states hold the same threads
const sameState = (a, b) => {
    if (a.ids.length !== b.ids.length)
        return false;
    if (a.runs.length !== b.runs.length)
        return false;
    if (a.ids.some((id, i) => id !== b.ids[i]))
        return false;
    return a.runs.every(r => b.runs.some(o => o.neg === r.neg && sameState(o.state, r.state)));
};
const marks = (size) => ({
    has: new Float64Array(size),
    seen: new Float64Array(size),
    gen: 0,
});
class Sim {
    // `.` and `..` only match literal dots, even with `dot:true`
    dots;
    // the string starts with `.`, and `dot:true` is not set
    dotStart;
    #marks;
    constructor(dots, dotStart, marks) {
        this.dots = dots;
        this.dotStart = dotStart;
        this.#marks = marks;
    }
    state() {
        return new State(++this.#marks.gen);
    }
    // sort the ids of a state, once it has all of its threads
    done(state) {
        state.ids = state.threads.map(n => n.id).sort((a, b) => a - b);
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
        return top && (this.dots || (this.dotStart && i === 0));
    }
    add(state, node, i, top) {
        switch (node.t) {
            case 'split':
                if (!this.#visit(state, node))
                    return;
                for (const o of node.out)
                    this.add(state, o, i, top);
                return;
            case 'neg':
                if (!this.#visit(state, node))
                    return;
                const sub = this.state();
                this.add(sub, node.sub, i, false);
                this.done(sub);
                return this.addRun(state, { t: 'run', neg: node, state: sub }, i, top);
            case 'star':
                // a * can not start a dotfile, even if it matches nothing
                if (this.restricted(i, top))
                    return;
                if (this.#addThread(state, node))
                    this.add(state, node.next, i, top);
                return;
            case 'match':
                state.match = true;
                return;
            default:
                this.#addThread(state, node);
        }
    }
    addRun(state, run, i, top) {
        for (const r of state.runs) {
            if (r.neg === run.neg && sameState(r.state, run.state))
                return;
        }
        state.runs.push(run);
        if (!run.state.match) {
            this.add(state, run.neg.next, i, top);
        }
    }
    // the threads after char `c`, at index `i`
    step(state, c, i, top) {
        const next = this.state();
        for (const th of state.threads) {
            switch (th.t) {
                case 'lit':
                    if (litMatch(th, c)) {
                        this.add(next, th.next, i + 1, top);
                    }
                    break;
                case 'any':
                    if (!this.restricted(i, top))
                        this.add(next, th.next, i + 1, top);
                    break;
                case 'class':
                    if (!this.restricted(i, top) && th.re.test(c)) {
                        this.add(next, th.next, i + 1, top);
                    }
                    break;
                case 'star':
                    if (!this.restricted(i, top))
                        this.add(next, th, i + 1, top);
            }
        }
        if (!this.restricted(i, top)) {
            for (const run of state.runs) {
                // a sub-pattern with no threads can not match again, so the
                // run stays the same
                if (run.state.dead) {
                    this.addRun(next, run, i + 1, top);
                    continue;
                }
                const sub = this.step(run.state, c, i, false);
                this.addRun(next, { t: 'run', neg: run.neg, state: sub }, i + 1, top);
            }
        }
        return this.done(next);
    }
}
// A canonical key for the threads in a state. States with the same
// key hold the same threads, so they match the same strings.
const stateKey = (state) => {
    const ids = state.ids.join();
    if (!state.runs.length)
        return ids;
    const runs = state.runs.map(r => `${r.neg.id}(${stateKey(r.state)})`);
    return `${ids}|${runs.sort().join('|')}`;
};
// The cache can hold about this many chars of state keys and
// transitions. When it is full, it is cleared, so that a pattern
// can not use an unbounded amount of memory.
const DFA_BUDGET = 1 << 18;
// A cache of the states that the simulation reaches, built as the
// matcher is used. Each char of a string is then one Map lookup,
// once the states that it leads to are known.
//
// The dot rules only restrict the first char of a dotfile (strings
// that are only `.` or `..` do not use the cache). So a dotfile
// starts at its own state, which takes its first step with the
// restriction, and every other state takes steps without it.
class Dfa {
    #start;
    #states = new Map();
    #size = 0;
    #plain;
    #dotStart;
    #sim;
    #dotSim;
    constructor(start, marks) {
        this.#start = start;
        this.#sim = new Sim(false, false, marks);
        this.#dotSim = new Sim(false, true, marks);
    }
    #make(state) {
        return {
            state,
            match: state.match,
            dead: state.dead,
            next: new Map(),
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
        this.#plain = undefined;
        this.#dotStart = undefined;
    }
    start(dotStart) {
        if (dotStart) {
            if (this.#dotStart)
                return this.#dotStart;
            const state = this.#dotSim.state();
            this.#dotSim.add(state, this.#start, 0, true);
            return (this.#dotStart = this.#make(this.#dotSim.done(state)));
        }
        if (this.#plain)
            return this.#plain;
        const state = this.#sim.state();
        this.#sim.add(state, this.#start, 0, true);
        return (this.#plain = this.#intern(this.#sim.done(state)));
    }
    // the next state, after a miss in `d.ascii`
    next(d, c) {
        const code = c.charCodeAt(0);
        const found = code < 128 ? undefined : d.next.get(c);
        if (found)
            return found;
        // the dotfile start is not in the cache, so it is never shared
        const n = d === this.#dotStart ?
            this.#intern(this.#dotSim.step(d.state, c, 0, true))
            : this.#intern(this.#sim.step(d.state, c, 1, true));
        if (code < 128) {
            if (!d.ascii) {
                d.ascii = new Array(128);
                this.#size += 128;
            }
            d.ascii[code] = n;
        }
        else {
            d.next.set(c, n);
        }
        this.#size++;
        return n;
    }
}
// the nodes in order, if the graph is a single chain
const linear = (start) => {
    const nodes = [];
    for (let n = start; n.t !== 'match'; n = n.next) {
        if (n.t === 'split' || n.t === 'neg')
            return undefined;
        nodes.push(n);
    }
    return nodes;
};
// Match a chain of nodes. Each node other than `*` matches exactly
// one char, so on a failure it is enough to go back to the last `*`
// and let it match one more char. This takes at most
// nodes.length * chars.length steps.
const testLinear = (nodes, chars, start, end) => {
    let ni = 0;
    let ci = start;
    let starNi = -1;
    let starCi = 0;
    while (ci < end) {
        const n = nodes[ni];
        if (n?.t === 'star') {
            starNi = ni++;
            starCi = ci;
            continue;
        }
        const c = chars[ci];
        if (n &&
            (n.t === 'any' ||
                (n.t === 'lit' && litMatch(n, c)) ||
                (n.t === 'class' && n.re.test(c)))) {
            ni++;
            ci++;
            continue;
        }
        if (starNi === -1)
            return false;
        ni = starNi + 1;
        ci = ++starCi;
    }
    while (nodes[ni]?.t === 'star')
        ni++;
    return ni === nodes.length;
};
// The least and most chars that the items can match. These are only
// bounds: a negation can match a string of any length, so it counts
// as 0 to Infinity.
const lengths = (items) => {
    let min = 0;
    let max = 0;
    for (const it of items) {
        const [lo, hi] = itemLengths(it);
        min += lo;
        max += hi;
    }
    return [min, max];
};
const itemLengths = (it) => {
    if (it.t === 'star')
        return [0, Infinity];
    if (it.t !== 'ext')
        return [1, 1];
    if (it.type === '!')
        return [0, Infinity];
    const alts = it.alts.map(lengths);
    const min = Math.min(...alts.map(a => a[0]));
    const max = Math.max(...alts.map(a => a[1]));
    // a loop of alternatives that only match the empty string is empty
    const loop = max === 0 ? 0 : Infinity;
    return (it.type === '@' ? [min, max]
        : it.type === '?' ? [0, max]
            : it.type === '*' ? [0, loop]
                : [min, loop]);
};
// true if the chars from `start` match the literals
const hasAffix = (lits, chars, start) => {
    for (let j = 0; j < lits.length; j++) {
        if (!litMatch(lits[j], chars[start + j]))
            return false;
    }
    return true;
};
// a `/`, or half of a surrogate pair
const slashOrSurrogate = /[/\ud800-\udfff]/;
const surrogate = /[\ud800-\udfff]/;
// a string can be indexed by code point, unless it has surrogate
// pairs
const codePoints = (s) => surrogate.test(s) ? [...s] : s;
const noSlash = (s) => {
    if (s.includes('/')) {
        throw new Error('can only match a single path portion, got: ' + s);
    }
};
class Matcher {
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
        if (pattern.includes('/')) {
            throw new Error('can only match a single path portion, got pattern: ' + pattern);
        }
        this.pattern = pattern;
        this.options = options;
        const { nocase = false, noext = false, normalize: n } = options;
        this.#form = n === true ? 'NFC' : n || undefined;
        // a pattern that is only an empty extglob is a literal string,
        // except for `!()`, which matches any non-empty string
        const literal = /^[?*+@]\(\)$/.test(pattern);
        const toks = tokenize(pattern, nocase, noext || literal, this.#form, options.rangeMark);
        let [items] = build(toks, pair(toks), 0, toks.length, true);
        if (this.#form)
            items = normalize(items, this.#form);
        const [start, size] = compile(items, nocase);
        this.#start = start;
        this.#size = size;
        if (items.every(it => it.t === 'lit')) {
            this.#literal = items.map(it => it.ch).join('');
            this.#literalFold = nocase;
        }
        else {
            const lit = (it) => it.t !== 'lit' ? undefined
                : nocase ? { ch: it.ch, re: foldRe(it.ch) }
                    : { ch: it.ch };
            for (const it of items) {
                const l = lit(it);
                if (!l)
                    break;
                this.#prefix.push(l);
            }
            for (let j = items.length - 1; j >= 0; j--) {
                const l = lit(items[j]);
                if (!l)
                    break;
                this.#suffix.unshift(l);
            }
            this.#affix = !!(this.#prefix.length || this.#suffix.length);
            if (!nocase) {
                this.#prefixStr = this.#prefix.map(l => l.ch).join('');
                this.#suffixStr = this.#suffix.map(l => l.ch).join('');
            }
            this.#linear = linear(this.#start)?.slice(this.#prefix.length, -this.#suffix.length || undefined);
            this.#wild = !!this.#linear?.every(n => n.t === 'star' || n.t === 'any');
            const [min, max] = lengths(items);
            this.#min = min;
            this.#max = max;
        }
    }
    test(s) {
        // The `/` check uses the string as given, so with normalization it
        // is a separate step. Otherwise, one scan finds both a `/` and the
        // surrogate pairs that stop the string being indexed by code point.
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
        if (this.#literal !== undefined) {
            return this.#literalFold ?
                (this.#literalRe ??= newFoldRe(this.#literal)).test(s)
                : s === this.#literal;
        }
        // the length check means that the prefix and suffix do not
        // overlap. Without the chars, the length in code points is from
        // half of the UTF-16 length (if each one is a surrogate pair) to
        // all of it, which is often enough to know.
        const min = this.#min;
        const max = this.#max;
        if (chars === undefined) {
            const most = s.length;
            const least = (most + 1) >> 1;
            if (most < min || least > max)
                return false;
            if (least < min || most > max)
                chars = codePoints(s);
        }
        if (chars !== undefined &&
            (chars.length < min || chars.length > max)) {
            return false;
        }
        const prefix = this.#prefix.length;
        if (this.#affix) {
            if (this.#prefixStr !== undefined && this.#suffixStr !== undefined) {
                if (!s.startsWith(this.#prefixStr) ||
                    !s.endsWith(this.#suffixStr)) {
                    return false;
                }
            }
            else {
                chars ??= codePoints(s);
                const end = chars.length - this.#suffix.length;
                if (!hasAffix(this.#prefix, chars, 0) ||
                    !hasAffix(this.#suffix, chars, end)) {
                    return false;
                }
            }
        }
        const dotStart = !this.options.dot && s.startsWith('.');
        if (this.#linear) {
            // `.` and `..` only match literal dots, even with `dot:true`
            if (s === '.' || s === '..')
                return false;
            // only a literal can match the leading dot. A `*` can not
            // start a dotfile, even if it matches nothing.
            if (dotStart && !prefix)
                return false;
            if (this.#wild)
                return true;
            chars ??= codePoints(s);
            const end = chars.length - this.#suffix.length;
            return testLinear(this.#linear, chars, prefix, end);
        }
        chars ??= codePoints(s);
        if (s === '.' || s === '..') {
            this.#marks ??= marks(this.#size);
            const sim = (this.#dotsSim ??= new Sim(true, false, this.#marks));
            const start = sim.state();
            sim.add(start, this.#start, 0, true);
            let state = sim.done(start);
            for (let i = 0; i < chars.length; i++) {
                state = sim.step(state, chars[i], i, true);
            }
            return state.match;
        }
        this.#marks ??= marks(this.#size);
        const dfa = (this.#dfa ??= new Dfa(this.#start, this.#marks));
        let d = dfa.start(dotStart);
        // read char codes from the string, so that a one-char string is
        // only made for a cache miss
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
}
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/minimatch/dist/esm/assert-valid-pattern.js
const MAX_PATTERN_LENGTH = 1024 * 64;
const assertValidPattern = (pattern) => {
    if (typeof pattern !== 'string') {
        throw new TypeError('invalid pattern');
    }
    if (pattern.length > MAX_PATTERN_LENGTH) {
        throw new TypeError('pattern is too long');
    }
};
//# sourceMappingURL=assert-valid-pattern.js.map
;// CONCATENATED MODULE: ./node_modules/minimatch/dist/esm/escape.js
/**
 * Escape all magic characters in a glob pattern.
 *
 * If the {@link MinimatchOptions.windowsPathsNoEscape}
 * option is used, then characters are escaped by wrapping in `[]`, because
 * a magic character wrapped in a character class can only be satisfied by
 * that exact character.  In this mode, `\` is _not_ escaped, because it is
 * not interpreted as a magic character, but instead as a path separator.
 *
 * If the {@link MinimatchOptions.magicalBraces} option is used,
 * then braces (`{` and `}`) will be escaped.
 *
 * A leading `#` or `!` is escaped as well, so that the result is never a
 * comment or a negated pattern. In `windowsPathsNoEscape` mode, a leading
 * `!` is written as `@(!)`, because `[!` starts a negated class.
 */
const escape_escape = (s, { windowsPathsNoEscape = false, magicalBraces = false, } = {}) => {
    // don't need to escape +@! because we escape the parens
    // that make those magic, and escaping ! as [!] isn't valid,
    // because [!]] is a valid glob class meaning not ']'.
    // However, at the start of the pattern, '!' negates the pattern and
    // '#' makes it a comment, so the first character is handled below.
    const e = magicalBraces ?
        windowsPathsNoEscape ? s.replace(/[?*()[\]{}]/g, '[$&]')
            : s.replace(/[?*()[\]\\{}]/g, '\\$&')
        : windowsPathsNoEscape ? s.replace(/[?*()[\]]/g, '[$&]')
            : s.replace(/[?*()[\]\\]/g, '\\$&');
    const c = e.charAt(0);
    if (c === '#') {
        return (windowsPathsNoEscape ? '[#]' : '\\#') + e.slice(1);
    }
    if (c === '!') {
        // '[!]' can not be used, because '[!' starts a negated class, and
        // '\' is a path separator in windowsPathsNoEscape mode. '@(!)'
        // matches only '!'. If extglobs are disabled with `noext`, it
        // matches nothing, rather than everything.
        return (windowsPathsNoEscape ? '@(!)' : '\\!') + e.slice(1);
    }
    return e;
};
//# sourceMappingURL=escape.js.map
;// CONCATENATED MODULE: ./node_modules/minimatch/dist/esm/unescape.js
/**
 * Un-escape a string that has been escaped with {@link escape}.
 *
 * If the {@link MinimatchOptions.windowsPathsNoEscape} option is used, then
 * square-bracket escapes are removed, but not backslash escapes.
 *
 * For example, it will turn the string `'[*]'` into `*`, but it will not
 * turn `'\\*'` into `'*'`, because `\` is a path separator in
 * `windowsPathsNoEscape` mode.
 *
 * When `windowsPathsNoEscape` is not set, then both square-bracket escapes and
 * backslash escapes are removed.
 *
 * Slashes (and backslashes in `windowsPathsNoEscape` mode) cannot be escaped
 * or unescaped.
 *
 * When `magicalBraces` is not set, escapes of braces (`{` and `}`) will not be
 * unescaped.
 */
const unescape_unescape = (s, { windowsPathsNoEscape = false, magicalBraces = true, } = {}) => {
    // escape() writes a leading '!' as '@(!)' in windowsPathsNoEscape mode
    if (windowsPathsNoEscape && s.startsWith('@(!)')) {
        return ('!' + unescape_unescape(s.slice(4), { windowsPathsNoEscape, magicalBraces }));
    }
    if (magicalBraces) {
        return windowsPathsNoEscape ?
            s.replace(/\[([^/\\])\]/g, '$1')
            : s
                .replace(/((?!\\).|^)\[([^/\\])\]/g, '$1$2')
                .replace(/\\([^/])/g, '$1');
    }
    return windowsPathsNoEscape ?
        s.replace(/\[([^/\\{}])\]/g, '$1')
        : s
            .replace(/((?!\\).|^)\[([^/\\{}])\]/g, '$1$2')
            .replace(/\\([^/{}])/g, '$1');
};
//# sourceMappingURL=unescape.js.map
;// CONCATENATED MODULE: ./node_modules/minimatch/dist/esm/index.js





const DEFAULT_BRACE_EXPAND_MAX = 100_000;
const DEFAULT_GLOB_STAR_RECURSION_MAX = 200;
// avoid the annoying deprecation flag lol
const AWE_KEY = ('allowWindow' + 'sEscape');
const minimatch = (p, pattern, options) => {
    assertValidPattern(pattern);
    // shortcut: comments match nothing.
    if (!options?.nocomment && pattern.charAt(0) === '#') {
        return false;
    }
    return cachedMinimatch(pattern, options).match(p);
};
// The Minimatch objects that minimatch() used most recently, by options
// and then by pattern. When the cache is full, it becomes the old one,
// and the objects used from the old one are moved back to a new one.
// So it keeps 256 to 512 objects.
// The patterns can come from users, so the cache is also bounded by
// the total weight of the objects (see cacheWeight()), and an object
// that is too heavy is never kept. Otherwise a few unique patterns
// with large brace expansions would fill the heap.
let cache = new Map();
let oldCache = new Map();
let cacheSize = 0;
let cacheTotalWeight = 0;
const cacheMax = 256;
const cacheMaxWeight = 1 << 15;
const cacheMaxEntryWeight = 1 << 12;
// About the memory that a compiled object keeps: the pattern and the
// expanded patterns, of which each row in set is made.
const cacheWeight = (mm) => {
    let w = mm.pattern.length;
    for (const s of mm.globSet) {
        w += s.length + 1;
        if (w > cacheMaxEntryWeight)
            break;
    }
    return w;
};
// tsc fails here if a new option is in neither type. Add it to
// optionsKey() too.
const allOptionsKeyed = true;
void allOptionsKeyed;
// 0, 1 or 2 for undefined, falsy or truthy.
const tri = (v) => v === undefined ? 0
    : v ? 2
        : 1;
// The weight of each boolean option's base-3 digit in the key. The
// weights below 24 are for optimizationLevel (1), platform (3) and
// windowsPathsNoEscape (12). tsc fails here if a boolean option is
// not in the list.
const booleanWeights = new Map(Object.keys({
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
    windowsNoMagicRoot: 0,
}).map((k, i) => [k, 24 * 3 ** i]));
// The cache key for a set of options. It is a number, unless an
// option is set to a value that the number can not show, such as
// normalize or an uncommon platform. Then it is a JSON string.
// The defaults give 0, the same key as no options.
// It only reads the keys that are set, so that the speed does not
// depend on the shape of the options object.
const optionsKey = (o) => {
    let n = 0;
    let wpe = false;
    // inherited keys too, because Minimatch reads them
    // oxlint-disable-next-line guard-for-in
    for (const k in o) {
        const v = o[k];
        switch (k) {
            // the same test as the Minimatch constructor
            case 'windowsPathsNoEscape':
                if (v)
                    wpe = true;
                break;
            case AWE_KEY:
                if (v === false)
                    wpe = true;
                break;
            case 'platform': {
                // the same test as the Minimatch constructor
                const p = v || defaultPlatform;
                if (p === defaultPlatform)
                    break;
                if (p === 'darwin')
                    n += 3;
                else if (p === 'win32')
                    n += 6;
                else if (p === 'linux')
                    n += 9;
                else
                    return JSON.stringify(o);
                break;
            }
            case 'optimizationLevel':
                // The same tests as Minimatch: 1 when undefined, then >= 2,
                // >= 1, or else 0. The default level 1 adds 0.
                if (v === undefined)
                    break;
                n +=
                    v >= 2 ? 1
                        : v >= 1 ? 0
                            : 2;
                break;
            case 'braceExpandMax':
                if (v !== undefined && v !== DEFAULT_BRACE_EXPAND_MAX) {
                    return JSON.stringify(o);
                }
                break;
            case 'maxGlobstarRecursion':
                if (v !== undefined && v !== DEFAULT_GLOB_STAR_RECURSION_MAX) {
                    return JSON.stringify(o);
                }
                break;
            case 'normalize':
                if (v !== undefined)
                    return JSON.stringify(o);
                break;
            default:
                // unknown keys have no weight
                n += (booleanWeights.get(k) ?? 0) * tri(v);
        }
    }
    return wpe ? n + 12 : n;
};
// A copy, so a later change to the options can not change it. Unlike
// a spread, it keeps the inherited keys, which optionsKey() and the
// Minimatch constructor also read.
const copyOptions = (o) => {
    const copy = {};
    // oxlint-disable-next-line guard-for-in
    for (const k in o)
        copy[k] = o[k];
    return copy;
};
const cachedMinimatch = (pattern, options) => {
    const key = options ? optionsKey(options) : 0;
    let mm = cache.get(key)?.get(pattern);
    if (mm)
        return mm;
    mm =
        oldCache.get(key)?.get(pattern) ??
            new Minimatch(pattern, copyOptions(options));
    const weight = cacheWeight(mm);
    // too big to keep, so it is compiled again each time
    if (weight > cacheMaxEntryWeight)
        return mm;
    if (cacheSize >= cacheMax ||
        cacheTotalWeight + weight > cacheMaxWeight) {
        oldCache = cache;
        cache = new Map();
        cacheSize = 0;
        cacheTotalWeight = 0;
    }
    let byPattern = cache.get(key);
    if (!byPattern)
        cache.set(key, (byPattern = new Map()));
    byPattern.set(pattern, mm);
    cacheSize++;
    cacheTotalWeight += weight;
    return mm;
};
/* c8 ignore start */
const defaultPlatform = (typeof process === 'object' && process ?
    process.env?.__MINIMATCH_TESTING_PLATFORM__ || process.platform
    : 'posix');
const path = {
    win32: { sep: '\\' },
    posix: { sep: '/' },
};
/* c8 ignore stop */
const sep = defaultPlatform === 'win32' ? path.win32.sep : path.posix.sep;
minimatch.sep = sep;
const GLOBSTAR = Symbol('globstar **');
minimatch.GLOBSTAR = GLOBSTAR;
const filter = (pattern, options) => {
    let mm;
    return (p) => (mm ??= cachedMinimatch(pattern, options)).match(p);
};
minimatch.filter = filter;
const ext = (a, b = {}) => Object.assign({}, a, b);
const defaults = (def) => {
    if (!def || typeof def !== 'object' || !Object.keys(def).length) {
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
        GLOBSTAR: GLOBSTAR,
    });
};
minimatch.defaults = defaults;
// Brace expansion:
// a{b,c}d -> abd acd
// a{b,}c -> abc ac
// a{0..3}d -> a0d a1d a2d a3d
// a{b,c{d,e}f}g -> abg acdfg acefg
// a{b,c}d{e,f}g -> abdeg acdeg abdeg abdfg
//
// Invalid sets are not expanded.
// a{2..}b -> a{2..}b
// a{b}c -> a{b}c
const braceExpand = (pattern, options = {}) => {
    assertValidPattern(pattern);
    // Thanks to Yeting Li <https://github.com/yetingli> for
    // improving this regexp to avoid a ReDOS vulnerability.
    if (options.nobrace || !/\{(?:(?!\{).)*\}/.test(pattern)) {
        // shortcut. no need to expand.
        return [pattern];
    }
    // brace-expansion turns each escaped backslash '\\' into a single '\',
    // which then escapes the next character instead, and can turn an
    // escaped magic character (for example '\\\*') into a live one.
    // Double every pair, so an escaped backslash comes back out still
    // escaped. The parity of each run of backslashes is unchanged.
    let p = pattern.replace(/\\\\/g, '\\\\\\\\');
    // brace-expansion does not know about [...] classes. In
    // windowsPathsNoEscape mode, escape() writes a literal brace as '[{]'
    // or '[}]'. Escape the brace for brace-expansion, which removes that
    // backslash again, leaving '[{]' or '[}]'.
    if (options.windowsPathsNoEscape || options[AWE_KEY] === false) {
        p = p.replace(/\[([{}])\]/g, '[\\$1]');
    }
    return expand(p, { max: options.braceExpandMax });
};
minimatch.braceExpand = braceExpand;
// A numeric range with at least this many values is matched as one
// pattern portion, rather than expanded. For a glob walk, that is
// one directory read, in place of a stat for each value.
const RANGE_MIN = 100;
// a {lo..hi} range that is not escaped, and not a ${...} variable
const rangeRe = /(?<![\\$])\{(-?\d+)\.\.(-?\d+)\}/g;
// true if a range mark in this portion is inside a `!(...)`,
// `*(...)` or `+(...)` extglob. Those repeat or negate their
// contents, so one Matcher for the whole range does not match the
// same strings as the union of one pattern per value. For example,
// `*({1..100})` would match `510` as `5` then `10`, and `!({1..100})`
// would not match `5`, but every expanded pattern except `!(5)` does.
// `@(...)` and `?(...)` are fine: they pick one value at most.
const inRepeatOrNegExt = (portion, mark) => {
    const stack = [];
    for (let i = 0; i < portion.length; i++) {
        const c = portion.charAt(i);
        if (c === '\\') {
            i++;
        }
        else if (c === mark) {
            if (stack.some(t => t !== '@' && t !== '?'))
                return true;
        }
        else if (portion.charAt(i + 1) === '(' && '!?+*@'.includes(c)) {
            stack.push(c);
            i++;
        }
        else if (c === ')') {
            stack.pop();
        }
    }
    return false;
};
const match = (list, pattern, options = {}) => {
    const mm = new Minimatch(pattern, options);
    list = list.filter(f => mm.match(f));
    if (mm.options.nonull && !list.length) {
        list.push(pattern);
    }
    return list;
};
minimatch.match = match;
const globMagic = /[?*]|[+@!]\(.*?\)|\[|\]/;
// Index of the `]` that closes the class that starts at `start`,
// or -1 if it is not closed. Posix classes such as `[:alpha:]` are
// not skipped, so this can find a `]` before the real end. That
// only makes a class look less like a literal.
const classEnd = (pattern, start) => {
    let i = start + 1;
    if (pattern.charAt(i) === '!' || pattern.charAt(i) === '^')
        i++;
    let sawStart = false;
    for (; i < pattern.length; i++) {
        const c = pattern.charAt(i);
        if (c === ']' && sawStart)
            return i;
        sawStart = true;
        if (c === '\\')
            i++;
    }
    return -1;
};
// If a path portion pattern has no magic, return the string it
// matches. Otherwise, return undefined. This can report magic for
// a pattern that is in fact literal (eg, `[]`), but never the
// reverse, so a string result is always safe to compare directly.
const literal = (pattern, noext) => {
    if (!noext && (pattern === '+()' || pattern === '@()'))
        return pattern;
    let lit = '';
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern.charAt(i);
        if (c === '\\') {
            // a trailing \ is a literal \
            lit += pattern.charAt(++i) || c;
        }
        else if (c === '*' || c === '?') {
            return undefined;
        }
        else if (c === '[') {
            const close = classEnd(pattern, i);
            if (close === -1) {
                // not closed, so the [ is a literal
                lit += c;
                continue;
            }
            // a class of one char, such as `[*]` or `[\b]`, is a literal
            let body = pattern.slice(i + 1, close);
            if (body.startsWith('\\'))
                body = body.slice(1);
            if ([...body].length !== 1 || '!^'.includes(pattern.charAt(i + 1))) {
                return undefined;
            }
            lit += body;
            i = close;
        }
        else if (!noext &&
            '+@!'.includes(c) &&
            pattern.charAt(i + 1) === '(' &&
            pattern.includes(')', i + 2)) {
            return undefined;
        }
        else {
            lit += c;
        }
    }
    return lit;
};
// The matching engine compiles and walks extglobs recursively, so a
// path portion with very many extglobs (nested, such as `*(*(*(a)))`,
// or in a row, such as `?(a)?(a)?(a)`) can exhaust the call stack.
// Portions with more than this many extglobs are rejected.
const MAX_EXTGLOBS = 256;
// The number of extglob openers, such as `*(`, in a path portion
// pattern. Chars in a class are counted too, so this can be more than
// the number of extglobs, but never less.
const extglobCount = (pattern) => {
    let n = 0;
    for (let i = 0; i < pattern.length - 1; i++) {
        const c = pattern.charAt(i);
        if (c === '\\') {
            i++;
        }
        else if ('+@!?*'.includes(c) && pattern.charAt(i + 1) === '(') {
            n++;
            i++;
        }
    }
    return n;
};
const assertValidExtglobs = (pattern) => {
    if (extglobCount(pattern) > MAX_EXTGLOBS) {
        throw new TypeError('pattern has too many extglobs');
    }
};
// True if the portion pattern has the same meaning as an alternative
// inside `@(...)`. It must not have a `|` or `)` that is not in a
// closed extglob (those are literal at the top level), an extglob
// that is not closed (the `)` of the `@(...)` would close it), or a
// trailing `\` (it would escape the next `|`). A pattern that is
// only an empty extglob, such as `?()`, is literal on its own, but
// not in `@(...)`. Posix classes such as `[:alpha:]` can hide a `]`
// from classEnd, so patterns with them are not merged.
const extSafe = (pattern) => {
    if (/^[?*+@]\(\)$/.test(pattern) || pattern.includes('[:'))
        return false;
    let depth = 0;
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern.charAt(i);
        if (c === '\\') {
            if (++i === pattern.length)
                return false;
        }
        else if (c === '[') {
            const close = classEnd(pattern, i);
            if (close !== -1)
                i = close;
        }
        else if ('+@!?*'.includes(c) && pattern.charAt(i + 1) === '(') {
            depth++;
            i++;
        }
        else if (c === ')') {
            if (!depth--)
                return false;
        }
        else if (c === '|' && !depth) {
            return false;
        }
    }
    return !depth;
};
// The last path that Minimatch#match split, and its parts. A path is
// often tested against many patterns in a row (such as a list of
// ignore patterns), so this saves splitting it again. The parts are
// never changed, so they can be shared.
let lastSplit;
// The last path that Minimatch#match checked before splitting it. If
// the same path is checked again, it is being tested against many
// patterns, so it is split and the parts are kept for the others.
let lastChecked;
// true if a pattern portion that is not ** matches a path portion.
// An empty path portion only matches an empty pattern portion. A path
// portion never has a `/`, so the Matcher does not need to check it.
const portionMatch = (p, f) => typeof p === 'string' ? f === p : f !== '' && p.testUnchecked(f);
// Where the last portion of a row matches in a path: the start of the
// last portion of the path, or of the one before a trailing `/`. -1 if
// it matches neither.
const endIndex = (p, last, lastStart, prev, prevStart) => portionMatch(p, last) ? lastStart
    : prev !== undefined && portionMatch(p, prev) ? prevStart
        : -1;
const isDots = (p) => p === '.' || p === '..';
// a Windows drive letter portion, like `c:`
const isDrive = (p) => typeof p === 'string' && /^[a-z]:$/i.test(p);
// true for the `UNC` portion of a long UNC root, //?/UNC/host/share
const isLongUNC = (p) => typeof p === 'string' && /^unc$/i.test(p);
// The index of the host in a row or split path that starts with a
// Windows UNC root: 2 for `//host/share`, and 4 for
// `//?/UNC/host/share`. Otherwise -1. `//?/c:` is not one.
const uncHost = (p) => {
    if (p[0] !== '' || p[1] !== '')
        return -1;
    const h = p[2] !== '?' ? 2
        : isLongUNC(p[3]) ? 4
            : -1;
    const host = p[h];
    const share = p[h + 1];
    return (h !== -1 &&
        host !== undefined &&
        host !== '' &&
        host !== GLOBSTAR &&
        share !== undefined &&
        share !== '' &&
        share !== GLOBSTAR) ?
        h
        : -1;
};
// true if ** can walk the path portion: not `.` or `..`, and not a
// dotfile unless `dot` is set
const walkable = (p, dot) => !isDots(p) && (dot || !p.startsWith('.'));
// True if a portion of the path from `start` to `end` can not be
// walked by **: one that starts with `.`, or with `dot`, one that is
// `.` or `..`. `start` is the start of a portion, and `end` is the end
// of the path, or just after a separator.
const dotPortion = (f, start, end, dot, sep) => {
    for (let k = start; k < end;) {
        if (f.charCodeAt(k) === 46) {
            if (!dot)
                return true;
            const n = f.charCodeAt(k + 1) === 46 ? k + 2 : k + 1;
            if (n >= end || isSep(f.charCodeAt(n), sep))
                return true;
        }
        // the start of the next portion, after any run of separators
        const s = nextSep(f, k, sep);
        if (s === -1)
            return false;
        k = s + 1;
        while (k < end && isSep(f.charCodeAt(k), sep))
            k++;
    }
    return false;
};
const isSep = (c, sep) => sep === '/' ? c === 47
    : sep === '\\' ? c === 92
        : c === 47 || c === 92;
// the index of the first separator at or after `from`, or -1
const nextSep = (f, from, sep) => {
    if (sep !== 'both')
        return f.indexOf(sep, from);
    const s = f.indexOf('/', from);
    const b = f.indexOf('\\', from);
    return (s === -1 ? b
        : b === -1 ? s
            : Math.min(s, b));
};
// the index of the last separator at or before `from`, or -1
const lastSep = (f, from, sep) => sep !== 'both' ?
    f.lastIndexOf(sep, from)
    : Math.max(f.lastIndexOf('/', from), f.lastIndexOf('\\', from));
// What parse() returns in place of a Matcher while make() builds and
// merges the rows. Most of the Matchers in rows that are merged would
// never be used, so they are only made for the rows that are left.
const PENDING = {};
class Minimatch {
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
    #matchers = new Map();
    // parse() returns PENDING in place of a Matcher
    #pending = false;
    // the char that marks numeric ranges in globSet, if any
    #rangeMark;
    // the GlobstarParts of each pattern row, by start index and partial
    #globstarParts = new WeakMap();
    constructor(pattern, options = {}) {
        assertValidPattern(pattern);
        options = options || {};
        this.options = options;
        this.maxGlobstarRecursion =
            options.maxGlobstarRecursion ?? DEFAULT_GLOB_STAR_RECURSION_MAX;
        this.pattern = pattern;
        this.platform = options.platform || defaultPlatform;
        this.isWindows = this.platform === 'win32';
        this.windowsPathsNoEscape =
            !!options.windowsPathsNoEscape || options[AWE_KEY] === false;
        if (this.windowsPathsNoEscape) {
            this.pattern = this.pattern.replace(/\\/g, '/');
        }
        this.preserveMultipleSlashes = !!options.preserveMultipleSlashes;
        this.negate = false;
        this.nonegate = !!options.nonegate;
        this.comment = false;
        this.empty = false;
        this.partial = !!options.partial;
        this.nocase = !!this.options.nocase;
        this.windowsNoMagicRoot =
            options.windowsNoMagicRoot !== undefined ?
                options.windowsNoMagicRoot
                : !!(this.isWindows && this.nocase);
        this.globSet = [];
        this.globParts = [];
        this.set = [];
        this.#endCheck = !this.preserveMultipleSlashes;
        this.#level2 = (options.optimizationLevel ?? 1) >= 2;
        const n = options.normalize;
        this.#form = n === true ? 'NFC' : n || undefined;
        // make the set of Matchers etc.
        this.make();
        // On Windows, the portions of a row up to its drive letter or UNC
        // share are skipped or compared without case, if the path has one
        // too. So the checks only use the portions after it.
        const drives = this.set.map(row => this.#rootIndex(row));
        this.#endRows = this.set.map((row, r) => this.#endCheck && row.length - 1 > drives[r]);
        // with the end check, the last portion is already checked
        this.#literals = this.set.map((row, r) => {
            const end = this.#endRows[r] ? row.length - 1 : row.length;
            const lits = row
                .slice(drives[r] + 1, end)
                .filter((p) => typeof p === 'string' && !!p);
            return [...new Set(lits)];
        });
        this.#literalCheck = this.#literals.some(l => l.length);
        this.#shapes = this.set.map((row, r) => {
            const [p0, p1, p2] = row;
            if (this.#endRows[r] && row.length === 2) {
                if (p0 === GLOBSTAR && p1 !== GLOBSTAR)
                    return 'tail';
            }
            // the basename of a path that is split on / is its last portion,
            // or the one before a trailing /, the same as the end check
            if (this.#endRows[r] &&
                options.matchBase &&
                row.length === 1 &&
                p0 !== GLOBSTAR &&
                p0 !== '') {
                return 'base';
            }
            // the portion must not be a root, or '', which can be a
            // different portion on Windows (where //x paths get an extra '')
            if (!this.#endCheck || drives[r] !== -1)
                return undefined;
            if (row.length === 3 &&
                p0 === GLOBSTAR &&
                p2 === GLOBSTAR &&
                p1 !== GLOBSTAR &&
                p1 !== '' &&
                // the portion between is only matched below this limit
                this.maxGlobstarRecursion > 0) {
                return 'mid';
            }
            if (row.length === 2 &&
                p1 === GLOBSTAR &&
                p0 !== GLOBSTAR &&
                p0 !== '') {
                return 'head';
            }
            return undefined;
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
        const uncDrive = row[0] === '' && row[1] === '' && row[2] === '?' && isDrive(row[3]);
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
                if (typeof part !== 'string')
                    return true;
            }
        }
        return false;
    }
    make() {
        const pattern = this.pattern;
        const options = this.options;
        // empty patterns and comments match nothing.
        if (!options.nocomment && pattern.charAt(0) === '#') {
            this.comment = true;
            return;
        }
        if (!pattern) {
            this.empty = true;
            return;
        }
        // step 1: figure out negation, etc.
        this.parseNegate();
        // step 2: expand braces
        this.globSet = [...new Set(this.#expandBraces())];
        // step 3: now we have a set, so turn each one into a series of
        // path-portion matching patterns.
        // These will be Matchers, except in the case of "**", which is
        // set to the GLOBSTAR object for globstar behavior,
        // and will not contain any / characters
        //
        // First, we preprocess to make the glob pattern sets a bit simpler
        // and deduped.  There are some perf-killing patterns that can cause
        // problems with a glob walk, but we can simplify them down a bit.
        const rawGlobParts = this.globSet.map(s => this.#slashSplit(s));
        this.globParts = this.preprocess(rawGlobParts);
        // glob --> Matchers
        this.#pending = true;
        let set = this.globParts.map((s, _, __) => {
            if (this.isWindows && this.windowsNoMagicRoot) {
                // check if it's a drive or unc path. The root of a long UNC
                // path, //?/UNC/host/share, is 6 portions.
                const n = s[2] === '?' && isLongUNC(s[3]) ? 6 : 4;
                const isUNC = s[0] === '' &&
                    s[1] === '' &&
                    (s[2] === '?' || !globMagic.test(s[2])) &&
                    s.slice(3, n).every(p => !globMagic.test(p));
                const isDrive = /^[a-z]:/i.test(s[0]);
                if (isUNC) {
                    return [
                        ...s.slice(0, n).map(p => this.#norm(p)),
                        ...s.slice(n).map(ss => this.parse(ss)),
                    ];
                }
                else if (isDrive) {
                    return [
                        this.#norm(s[0]),
                        ...s.slice(1).map(ss => this.parse(ss)),
                    ];
                }
            }
            return s.map(ss => this.parse(ss));
        });
        // filter out everything that didn't compile properly.
        this.set = set.filter(s => s.indexOf(false) === -1);
        // do not treat the ? in UNC paths as magic
        if (this.isWindows) {
            for (let i = 0; i < this.set.length; i++) {
                const p = this.set[i];
                if (p[0] === '' &&
                    p[1] === '' &&
                    this.globParts[i][2] === '?' &&
                    (isDrive(p[3]) || isLongUNC(this.globParts[i][3]))) {
                    if (isLongUNC(this.globParts[i][3]))
                        p[3] = 'UNC';
                    p[2] = '?';
                }
            }
        }
        // with noext, `@(...)` would be literal
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
            // a single row cannot be merged with anything
            if (this.set.length < 2)
                return;
            let keys = this.#mergeKeys();
            const len = Math.max(0, ...this.set.map(r => r.length));
            for (let k = 0; k < len; k++) {
                // the rows that are the same other than at portion k, keyed
                // by the ids of the parts before k and the parts after k,
                // which are at most the number of rows
                const groups = new Map();
                const R = this.set.length + 1;
                this.set.forEach((row, i) => {
                    if (!(row[k] instanceof Matcher || row[k] === PENDING) ||
                        !extSafe(this.globParts[i][k])) {
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
                const drop = new Set();
                for (const g of groups.values()) {
                    if (g.length < 2)
                        continue;
                    const [first, ...rest] = g;
                    const alts = g.map(i => this.globParts[i][k]);
                    const glob = `@(${alts.join('|')})`;
                    // merging is only an optimization, so leave the rows as they
                    // are if the merged portion would have too many extglobs
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
                    // every merge drops a row, so this happens at most once per row
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
        const partIds = new Map();
        const ids = this.globParts.map(parts => parts.map(s => {
            let id = partIds.get(s);
            if (id === undefined)
                partIds.set(s, (id = partIds.size));
            return id;
        }));
        // ids are only compared at the same k, so they are numbered per
        // portion, with 0 for the empty prefix or suffix. Then they are
        // at most the number of rows, and id * P + part id is a safe
        // integer key for any set that fits in memory.
        const P = partIds.size;
        const len = Math.max(0, ...ids.map(r => r.length));
        const keys = ids.map(r => ({
            pre: [0],
            suf: new Array(r.length + 1).fill(0),
        }));
        for (let k = 0; k < len; k++) {
            const m = new Map();
            ids.forEach((r, i) => {
                if (k >= r.length)
                    return;
                const { pre } = keys[i];
                const key = pre[k] * P + r[k];
                let id = m.get(key);
                if (id === undefined)
                    m.set(key, (id = m.size + 1));
                pre.push(id);
            });
        }
        for (let k = len - 1; k >= 0; k--) {
            const m = new Map();
            ids.forEach((r, i) => {
                if (k >= r.length)
                    return;
                const { suf } = keys[i];
                const key = suf[k + 1] * P + r[k];
                let id = m.get(key);
                if (id === undefined)
                    m.set(key, (id = m.size + 1));
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
        // if we're not in globstar mode, then turn ** into *
        if (this.options.noglobstar) {
            for (const partset of globParts) {
                for (let j = 0; j < partset.length; j++) {
                    if (partset[j] === '**') {
                        partset[j] = '*';
                    }
                }
            }
        }
        const { optimizationLevel = 1 } = this.options;
        if (optimizationLevel >= 2) {
            // aggressive optimization for the purpose of fs walking
            globParts = this.firstPhasePreProcess(globParts);
            globParts = this.secondPhasePreProcess(globParts);
        }
        else if (optimizationLevel >= 1) {
            // just basic optimizations to remove some .. parts
            globParts = this.levelOneOptimize(globParts);
        }
        else {
            // just collapse multiple ** portions into one
            globParts = this.adjascentGlobstarOptimize(globParts);
        }
        return globParts;
    }
    // just get rid of adjascent ** portions
    adjascentGlobstarOptimize(globParts) {
        return globParts.map(parts => {
            let gs = -1;
            while (-1 !== (gs = parts.indexOf('**', gs + 1))) {
                let i = gs;
                while (parts[i + 1] === '**') {
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
        return globParts.map(parts => {
            // .. can not remove the root of a Windows path
            const root = this.#rootIndex(parts) + 1;
            parts = parts.reduce((set, part) => {
                const prev = set[set.length - 1];
                if (part === '**' && prev === '**') {
                    return set;
                }
                if (part === '..') {
                    if (set.length > root &&
                        prev &&
                        prev !== '..' &&
                        prev !== '.' &&
                        prev !== '**') {
                        set.pop();
                        return set;
                    }
                }
                set.push(part);
                return set;
            }, []);
            return parts.length === 0 ? [''] : parts;
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
        const sep = !this.isWindows || !f.includes('\\') ? '/'
            : f.includes('/') ? 'both'
                : '\\';
        // the portions that f.split(/\/+/) would end with, and where they
        // start in f, found when a row needs them. `ends` is 0 until they
        // are found, then 1, or -1 if they can not be used.
        let ends = this.#endCheck ? 0 : -1;
        let last = '';
        let lastStart = 0;
        let prev;
        let prevStart = 0;
        const dot = !!this.options.dot;
        // A string compare is cheaper than includes(), and a Matcher test
        // costs more, so the cheaper check goes first.
        ROWS: for (let r = 0; r < this.set.length; r++) {
            const row = this.set[r];
            const p = row[row.length - 1];
            let end = ends !== -1 && this.#endRows[r] && p !== GLOBSTAR;
            if (end && ends === 0) {
                const i = lastSep(f, f.length, sep);
                lastStart = i + 1;
                last = f.slice(lastStart);
                if (last === '' && i >= 0) {
                    let j = i;
                    while (j > 0 && isSep(f.charCodeAt(j - 1), sep))
                        j--;
                    prevStart = j === 0 ? 0 : lastSep(f, j - 1, sep) + 1;
                    prev = f.slice(prevStart, j);
                }
                const resolves = this.#level2 &&
                    (isDots(last) ||
                        (last === '' && prev !== undefined && isDots(prev)));
                ends = resolves ? -1 : 1;
                end = !resolves;
            }
            let tailStart = -1;
            if (end && typeof p === 'string') {
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
            if (end && typeof p === 'object') {
                tailStart = endIndex(p, last, lastStart, prev, prevStart);
                if (tailStart === -1)
                    continue;
            }
            const shape = this.#shapes[r];
            if (shape === 'base' && end)
                return 'yes';
            if (shape === 'tail' && end) {
                if (this.#level2 && dotPortion(f, 0, tailStart, true, sep)) {
                    return 'maybe';
                }
                if (!dotPortion(f, 0, tailStart, dot, sep))
                    return 'yes';
                continue;
            }
            if (shape === 'mid' || shape === 'head') {
                const m = this.#walk(f, row, shape === 'head', dot, sep);
                if (m !== 'no')
                    return m;
                continue;
            }
            return 'maybe';
        }
        return 'no';
    }
    // Match a row of a known shape against the split path, the same as
    // #matchGlobstar and #matchGlobStarBodySections do. None of these
    // rows have a drive letter, so they start at the first portion.
    #matchShape(file, row, shape) {
        const dot = !!this.options.dot;
        const n = file.length;
        if (shape === 'head') {
            // x, then at least one portion that ** can walk
            if (n < 2 || !portionMatch(row[0], file[0])) {
                return false;
            }
            for (let i = 1; i < n; i++)
                if (!walkable(file[i], dot))
                    return false;
            return true;
        }
        const x = row[1];
        if (shape === 'tail') {
            // x is the last portion, or the one before a trailing ''
            let t = n - 1;
            if (!portionMatch(x, file[t])) {
                if (file[t] !== '' || n === 1 || !portionMatch(x, file[--t])) {
                    return false;
                }
            }
            for (let i = 0; i < t; i++)
                if (!walkable(file[i], dot))
                    return false;
            return true;
        }
        // mid: the first x that ** can walk to, with a portion after it,
        // and ** can walk all of those
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
    #walk(f, row, head, dot, sep) {
        if (this.#level2 && dotPortion(f, 0, f.length, true, sep))
            return 'maybe';
        const x = row[head ? 0 : 1];
        // the last portion has none after it, so it can not be x
        let s = 0;
        for (let e = nextSep(f, s, sep); e !== -1; e = nextSep(f, s, sep)) {
            // the start of the next portion
            let next = e + 1;
            while (next < f.length && isSep(f.charCodeAt(next), sep))
                next++;
            const hit = typeof x === 'string' ?
                e - s === x.length && f.startsWith(x, s)
                : e > s && x.testUnchecked(f.slice(s, e));
            if (hit && !dotPortion(f, next, f.length, dot, sep))
                return 'yes';
            if (head || dotPortion(f, s, next, dot, sep))
                return 'no';
            s = next;
        }
        return 'no';
    }
    // the last split, if it was the same path with the same split
    // settings
    #cachedSplit(f) {
        const last = lastSplit;
        return (last?.f === f &&
            last.isWindows === this.isWindows &&
            last.preserveMultipleSlashes === this.preserveMultipleSlashes &&
            last.normalize === this.#form) ?
            last
            : undefined;
    }
    // split a path for match(), and keep the parts for the next call
    #split(f) {
        const { isWindows, preserveMultipleSlashes } = this;
        // windows: need to use /, not \
        let parts = this.#slashSplit(isWindows ? f.split('\\').join('/') : f);
        // normalize each portion, so that a char that normalizes to `/`
        // does not make a new portion
        const normalize = this.#form;
        if (normalize)
            parts = parts.map(p => p.normalize(normalize));
        lastSplit = {
            f,
            isWindows,
            preserveMultipleSlashes,
            normalize,
            parts,
        };
        return lastSplit;
    }
    // resolve `.` and `..` portions of a path, for level 2
    #levelTwoFileOptimize(file) {
        // work on a copy, so that the cached parts do not change
        const parts = [...file];
        let didSomething = false;
        do {
            didSomething = false;
            // <pre>/<e>/<rest> -> <pre>/<rest>
            if (!this.preserveMultipleSlashes) {
                for (let i = 1; i < parts.length - 1; i++) {
                    const p = parts[i];
                    // don't squeeze out UNC patterns
                    if (i === 1 && p === '' && parts[0] === '')
                        continue;
                    if (p === '.' || p === '') {
                        didSomething = true;
                        parts.splice(i, 1);
                        i--;
                    }
                }
                if (parts[0] === '.' &&
                    parts.length === 2 &&
                    (parts[1] === '.' || parts[1] === '')) {
                    didSomething = true;
                    parts.pop();
                }
            }
            // <pre>/<p>/../<rest> -> <pre>/<rest>
            // .. can not remove the root of a Windows path
            const root = this.#rootIndex(parts) + 1;
            let dd = root;
            while (-1 !== (dd = parts.indexOf('..', dd + 1))) {
                const p = parts[dd - 1];
                if (p && p !== '.' && p !== '..' && p !== '**') {
                    didSomething = true;
                    parts.splice(dd - 1, 2);
                    dd = Math.max(dd - 2, root);
                }
            }
        } while (didSomething);
        return parts.length === 0 ? [''] : parts;
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
        // each **/.. split doubles the patterns, and adds a copy of the
        // whole pattern. Throw if either gets too large. A partial split
        // would match some paths and not others, depending on which rows
        // the pass reached first.
        const { braceExpandMax = DEFAULT_BRACE_EXPAND_MAX } = this.options;
        let splitCells = 0;
        const maxSplitCells = 1_000_000;
        let didSomething = false;
        do {
            didSomething = false;
            // <pre>/**/../<p>/<p>/<rest> -> {<pre>/../<p>/<p>/<rest>,<pre>/**/<p>/<p>/<rest>}
            for (let parts of globParts) {
                let gs = -1;
                while (-1 !== (gs = parts.indexOf('**', gs + 1))) {
                    let gss = gs;
                    while (parts[gss + 1] === '**') {
                        // <pre>/**/**/<rest> -> <pre>/**/<rest>
                        gss++;
                    }
                    // eg, if gs is 2 and gss is 4, that means we have 3 **
                    // parts, and can remove 2 of them.
                    if (gss > gs) {
                        parts.splice(gs + 1, gss - gs);
                    }
                    let next = parts[gs + 1];
                    const p = parts[gs + 2];
                    const p2 = parts[gs + 3];
                    if (next !== '..')
                        continue;
                    if (!p ||
                        p === '.' ||
                        p === '..' ||
                        !p2 ||
                        p2 === '.' ||
                        p2 === '..') {
                        continue;
                    }
                    // Check before changing parts or allocating the new row.
                    const addedCells = parts.length - 1;
                    if (globParts.length >= braceExpandMax ||
                        splitCells + addedCells > maxSplitCells) {
                        throw new RangeError(`optimizationLevel 2: too many patterns from '**/..'`);
                    }
                    didSomething = true;
                    // edit parts in place, and push the new one
                    parts.splice(gs, 1);
                    const other = parts.slice(0);
                    other[gs] = '**';
                    splitCells += addedCells;
                    globParts.push(other);
                    gs--;
                }
                // <pre>/<e>/<rest> -> <pre>/<rest>
                if (!this.preserveMultipleSlashes) {
                    for (let i = 1; i < parts.length - 1; i++) {
                        const p = parts[i];
                        // don't squeeze out UNC patterns
                        if (i === 1 && p === '' && parts[0] === '')
                            continue;
                        if (p === '.' || p === '') {
                            didSomething = true;
                            parts.splice(i, 1);
                            i--;
                        }
                    }
                    if (parts[0] === '.' &&
                        parts.length === 2 &&
                        (parts[1] === '.' || parts[1] === '')) {
                        didSomething = true;
                        parts.pop();
                    }
                }
                // <pre>/<p>/../<rest> -> <pre>/<rest>
                // .. can not remove the root of a Windows path
                const root = this.#rootIndex(parts) + 1;
                let dd = root;
                while (-1 !== (dd = parts.indexOf('..', dd + 1))) {
                    const p = parts[dd - 1];
                    if (p && p !== '.' && p !== '..' && p !== '**') {
                        didSomething = true;
                        const needDot = dd === 1 && parts[dd + 1] === '**';
                        const splin = needDot ? ['.'] : [];
                        parts.splice(dd - 1, 2, ...splin);
                        if (parts.length === 0)
                            parts.push('');
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
        const keys = new Set();
        const rows = globParts.filter(parts => {
            const key = parts.join('/');
            if (keys.has(key))
                return false;
            keys.add(key);
            return true;
        });
        // A row is covered by another row that has `*` at some positions,
        // and is the same at all others. Collect each distinct set of `*`
        // positions, then look up each row with `*` put at those positions.
        const stars = new Map();
        for (const parts of rows) {
            const s = [];
            for (let i = 0; i < parts.length; i++) {
                if (parts[i] === '*')
                    s.push(i);
            }
            if (s.length)
                stars.set(s.join(','), s);
        }
        // Each row is checked against each set of `*` positions, so skip
        // this if there are too many. The patterns match the same paths
        // either way.
        if (!stars.size || rows.length * stars.size > 100_000)
            return rows;
        const { dot } = this.options;
        return rows.filter(parts => {
            for (const s of stars.values()) {
                if (s[s.length - 1] >= parts.length)
                    continue;
                const c = [...parts];
                let ok = true;
                let changed = false;
                for (const i of s) {
                    const p = parts[i];
                    if (p === '*')
                        continue;
                    if (!p || p === '**' || (!dot && p.startsWith('.'))) {
                        ok = false;
                        break;
                    }
                    c[i] = '*';
                    changed = true;
                }
                if (ok && changed && keys.has(c.join('/')))
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
        for (let i = 0; i < pattern.length && pattern.charAt(i) === '!'; i++) {
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
        // UNC paths like //?/X:/... can match X:/... and vice versa, and
        // //?/UNC/host/share/... can match //host/share/... and vice versa.
        // Drive letters in absolute drive or unc paths, and the host and
        // share of UNC paths, are always compared case-insensitively.
        const fh = this.isWindows ? uncHost(resolved) : -1;
        const ph = fh === -1 ? -1 : uncHost(pattern);
        if (ph !== -1) {
            const host = pattern[ph];
            const share = pattern[ph + 1];
            if (typeof host !== 'string' || typeof share !== 'string') {
                // a host or share with magic is matched as usual
                fileStartIndex = fh;
                patternStartIndex = ph;
            }
            else if (resolved[fh].toLowerCase() === host.toLowerCase() &&
                resolved[fh + 1].toLowerCase() === share.toLowerCase()) {
                fileStartIndex = fh + 2;
                patternStartIndex = ph + 2;
            }
        }
        else if (this.isWindows) {
            const fileDrive = typeof file[0] === 'string' && /^[a-z]:$/i.test(file[0]);
            const fileUNC = !fileDrive &&
                file[0] === '' &&
                file[1] === '' &&
                file[2] === '?' &&
                /^[a-z]:$/i.test(file[3]);
            const patternDrive = typeof pattern[0] === 'string' && /^[a-z]:$/i.test(pattern[0]);
            const patternUNC = !patternDrive &&
                pattern[0] === '' &&
                pattern[1] === '' &&
                pattern[2] === '?' &&
                typeof pattern[3] === 'string' &&
                /^[a-z]:$/i.test(pattern[3]);
            const fdi = fileUNC ? 3
                : fileDrive ? 0
                    : undefined;
            const pdi = patternUNC ? 3
                : patternDrive ? 0
                    : undefined;
            if (typeof fdi === 'number' && typeof pdi === 'number') {
                const [fd, pd] = [
                    file[fdi],
                    pattern[pdi],
                ];
                // the drives match, so start matching after them
                if (fd.toLowerCase() === pd.toLowerCase()) {
                    patternStartIndex = pdi + 1;
                    fileStartIndex = fdi + 1;
                }
            }
        }
        // the drive letters are found in the parts before level 2 resolves
        // them, and the match uses the resolved parts
        file = resolved;
        if (pattern.includes(GLOBSTAR)) {
            return this.#matchGlobstar(file, pattern, partial, fileStartIndex, patternStartIndex);
        }
        return this.#matchOne(file, pattern, partial, fileStartIndex, patternStartIndex);
    }
    #matchGlobstar(file, pattern, partial, fileIndex, patternIndex) {
        const { head, body, tail, segments } = this.#getGlobstarParts(pattern, partial, patternIndex);
        // check the head, from the current file/pattern index.
        if (head.length) {
            const headEnd = fileIndex + head.length;
            if (!this.#matchOne(file, head, partial, fileIndex, 0, headEnd)) {
                return false;
            }
            fileIndex += head.length;
            patternIndex += head.length;
        }
        // now we know the head matches!
        // if the last portion is not empty, it MUST match the end
        // check the tail
        let fileTailMatch = 0;
        if (tail.length) {
            // if head + tail > file, then we cannot possibly match
            if (tail.length + fileIndex > file.length)
                return false;
            // try to match the tail
            let tailStart = file.length - tail.length;
            if (this.#matchOne(file, tail, partial, tailStart, 0)) {
                fileTailMatch = tail.length;
            }
            else {
                // affordance for stuff like a/**/* matching a/b/
                // if the last file portion is '', and there's more to the pattern
                // then try without the '' bit.
                if (file[file.length - 1] !== '' ||
                    fileIndex + tail.length === file.length) {
                    return false;
                }
                tailStart--;
                if (!this.#matchOne(file, tail, partial, tailStart, 0)) {
                    return false;
                }
                fileTailMatch = tail.length + 1;
            }
        }
        // now we know the tail matches!
        // the middle is zero or more portions wrapped in **, possibly
        // containing more ** sections.
        // so a/**/b/**/c/**/d has become **/b/**/c/**
        // if it's empty, it means a/**/b, just verify we have no bad dots
        // if there's no tail, so it ends on /**, then we must have *something*
        // after the head, or it's not a matc
        if (!body.length) {
            let sawSome = !!fileTailMatch;
            for (let i = fileIndex; i < file.length - fileTailMatch; i++) {
                const f = String(file[i]);
                sawSome = true;
                if (f === '.' ||
                    f === '..' ||
                    (!this.options.dot && f.startsWith('.'))) {
                    return false;
                }
            }
            // in partial mode, we just need to get past all file parts
            return partial || sawSome;
        }
        // now we know that there's one or more body sections, which can
        // be matched anywhere from the 0 index (because the head was pruned)
        // through to the length-fileTailMatch index.
        return !!this.#matchGlobStarBodySections(file, segments, file.length - fileTailMatch, fileIndex, 0, partial, 0, !!fileTailMatch, new Set());
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
        const body = pattern.slice(firstgs + 1, partial ? undefined : lastgs);
        const tail = partial ? [] : pattern.slice(lastgs + 1);
        // split the body up into sections, and note the number of
        // portions that must come after the start of each one
        const segments = [[[], 0]];
        let current = segments[0];
        let nonGsParts = 0;
        const nonGsPartsSums = [0];
        for (const b of body) {
            if (b === GLOBSTAR) {
                nonGsPartsSums.push(nonGsParts);
                current = [[], 0];
                segments.push(current);
            }
            else {
                current[0].push(b);
                nonGsParts++;
            }
        }
        // the portions in this section and the ones after it
        segments.forEach((b, i) => {
            b[1] = nonGsParts - nonGsPartsSums[i];
        });
        const parts = { head, body, tail, segments };
        byStart[key] = parts;
        return parts;
    }
    // return false for "nope, not matching"
    // return null for "not matching, cannot keep trying"
    #matchGlobStarBodySections(file, 
    // pattern section, and the portions that it and the rest need
    bodySegments, 
    // the end of the file portions that the body can match
    fileLength, fileIndex, bodyIndex, partial, globStarDepth, sawTail, 
    // the places that a walk has already tried, as
    // bodyIndex * (file.length + 1) + fileIndex. A walk from a place
    // does the same no matter how it got there, and it only comes back
    // if it found no match, so a walk that gets to one stops.
    tried) {
        // take the first body segment, and walk from fileIndex to its "after"
        // value at the end
        // If it doesn't match at that position, we increment, until we hit
        // that final possible position, and give up.
        // If it does match, then advance and try to rest.
        // If any of them fail we keep walking forward.
        // this is still a bit recursively painful, but it's more constrained
        // than previous implementations, because we never test something that
        // can't possibly be a valid matching condition.
        const bs = bodySegments[bodyIndex];
        if (!bs) {
            // with partial, the body is the rest of the pattern, so it
            // matches if no portions are left, or only the '' of a trailing
            // / (as a/* matches a/b/). A ** at the end walks them as its own
            // empty section.
            if (partial) {
                return (fileIndex >= fileLength ||
                    (fileIndex === fileLength - 1 && file[fileIndex] === ''));
            }
            // just make sure that there's no bad dots before the tail
            for (let i = fileIndex; i < fileLength; i++) {
                sawTail = true;
                const f = file[i];
                if (f === '.' ||
                    f === '..' ||
                    (!this.options.dot && f.startsWith('.'))) {
                    return false;
                }
            }
            return sawTail;
        }
        // have a non-globstar body section to test, up to the last index
        // where it can start
        const [body, need] = bs;
        // with partial, the path can end before the body does
        const after = partial ? fileLength : fileLength - need;
        while (fileIndex <= after) {
            const key = bodyIndex * (file.length + 1) + fileIndex;
            if (tried.has(key))
                return false;
            tried.add(key);
            const m = this.#matchOne(file, body, partial, fileIndex, 0, fileIndex + body.length);
            // if limit exceeded, no match. intentional false negative,
            // acceptable break in correctness for security.
            if (m && globStarDepth < this.maxGlobstarRecursion) {
                // match! see if the rest match. if so, we're done!
                const sub = this.#matchGlobStarBodySections(file, bodySegments, fileLength, fileIndex + body.length, bodyIndex + 1, partial, globStarDepth + 1, sawTail, tried);
                if (sub !== false) {
                    return sub;
                }
            }
            // the ** does not walk past the last place the body can start
            if (fileIndex === after)
                break;
            const f = file[fileIndex];
            if (f === '.' ||
                f === '..' ||
                (!this.options.dot && f.startsWith('.'))) {
                return false;
            }
            fileIndex++;
        }
        // walked off. no point continuing
        return partial || null;
    }
    #matchOne(file, pattern, partial, fileIndex, patternIndex, 
    // only match the file portions before this index
    fileEnd = file.length) {
        let fi;
        let pi;
        let pl;
        let fl;
        for (fi = fileIndex,
            pi = patternIndex,
            fl = Math.min(fileEnd, file.length),
            pl = pattern.length; fi < fl && pi < pl; fi++, pi++) {
            let p = pattern[pi];
            let f = file[fi];
            // should be impossible.
            /* c8 ignore start */
            if (p === false || p === GLOBSTAR) {
                return false;
            }
            /* c8 ignore stop */
            // something other than **
            // non-magic patterns just have to match exactly
            // patterns with magic have been turned into Matchers.
            if (!portionMatch(p, f))
                return false;
        }
        // Note: ending in / means that we'll get a final ""
        // at the end of the pattern.  This can only match a
        // corresponding "" at the end of the file.
        // If the file ends in /, then it can only match a
        // a pattern that ends in /, unless the pattern just
        // doesn't have any more for it. But, a/b/ should *not*
        // match "a/b/*", even though * can match "", except in
        // partial mode, where it might simply not be reached yet.
        // However, a/b/ should still satisfy a/*
        // now either we fell off the end of the pattern, or we're done.
        if (fi === fl && pi === pl) {
            // ran out of pattern and filename at the same time.
            // an exact hit!
            return true;
        }
        else if (fi === fl) {
            // ran out of file, but still had pattern left.
            // this is ok if we're doing the match as part of
            // a glob fs traversal.
            return partial;
        }
        else if (pi === pl) {
            // ran out of pattern, still have file left.
            // this is only acceptable if we're on the very last
            // empty segment of a file with a trailing slash.
            // a/* should match a/b/
            return fi === fl - 1 && file[fi] === '';
            /* c8 ignore start */
        }
        else {
            // should be unreachable.
            throw new Error('wtf?');
        }
        /* c8 ignore stop */
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
        let code = 0xe000;
        while (pattern.includes(String.fromCharCode(code))) {
            if (++code > 0xf8ff)
                return this.braceExpand();
        }
        const mark = String.fromCharCode(code);
        let found = false;
        const marked = pattern.replace(rangeRe, (m, lo, hi) => {
            const a = Number(lo);
            const b = Number(hi);
            if (!Number.isSafeInteger(a) ||
                !Number.isSafeInteger(b) ||
                Math.abs(a - b) + 1 < RANGE_MIN) {
                return m;
            }
            found = true;
            return `${mark}${lo}..${hi}${mark}`;
        });
        if (!found)
            return this.braceExpand();
        const set = braceExpand(marked, this.options);
        for (const p of set) {
            for (const portion of p.split('/')) {
                const c = portion.indexOf('[');
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
        // shortcuts
        if (pattern === '**')
            return GLOBSTAR;
        if (pattern === '')
            return '';
        const { nocase, nocaseMagicOnly, noext = false, dot, normalize, } = options;
        const rangeMark = this.#rangeMark;
        const lit = rangeMark && pattern.includes(rangeMark) ?
            undefined
            : literal(pattern, noext);
        // in nocase mode, a literal with cased chars still needs a
        // Matcher, unless nocaseMagicOnly is set.
        if (lit !== undefined &&
            !(nocase &&
                !nocaseMagicOnly &&
                pattern.toUpperCase() !== pattern.toLowerCase())) {
            return this.#norm(lit);
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
                normalize,
                ...(rangeMark && { rangeMark }),
            });
            this.#matchers.set(pattern, m);
        }
        return m;
    }
    #slashSplit(p) {
        // if p starts with // on windows, we preserve that
        // so that UNC paths aren't broken.  Otherwise, any number of
        // / characters are coalesced into one, unless
        // preserveMultipleSlashes is set to true.
        if (this.preserveMultipleSlashes) {
            return p.split('/');
        }
        else if (this.isWindows && /^\/\/[^/]+/.test(p)) {
            // add an extra '' for the one we lose
            return ['', ...p.split(/\/+/)];
        }
        else {
            return p.split(/\/+/);
        }
    }
    match(f, partial = this.partial) {
        // short-circuit in the case of busted things.
        // comments, etc.
        if (this.comment) {
            return false;
        }
        if (this.empty) {
            return f === '';
        }
        if (f === '/' && partial) {
            return true;
        }
        const options = this.options;
        // treat the test path as a set of pathparts. If it was not just
        // split or checked, check that it can match before splitting it.
        let split = this.#cachedSplit(f);
        if (!split) {
            // the checks look at the path as given, so not if it is
            // normalized
            if (!partial &&
                !this.#form &&
                (this.#endCheck || this.#literalCheck) &&
                lastChecked !== f) {
                lastChecked = f;
                const can = this.#canMatch(f);
                if (can === 'no')
                    return options.flipNegate ? false : this.negate;
                if (can === 'yes')
                    return options.flipNegate ? true : !this.negate;
            }
            split = this.#split(f);
        }
        const ff = split.parts;
        // the parts after level 2 resolves them, kept for the next pattern
        // that tests the same path
        const resolved = this.#level2 ?
            (split.resolved ??= this.#levelTwoFileOptimize(ff))
            : ff;
        // just ONE of the pattern sets in this.set needs to match
        // in order for it to be valid.  If negating, then just one
        // match means that we have failed.
        // Either way, return on the first hit.
        const set = this.set;
        // Find the basename of the path by looking for the last non-empty segment
        let filename = ff[ff.length - 1];
        if (!filename) {
            for (let i = ff.length - 2; !filename && i >= 0; i--) {
                filename = ff[i];
            }
        }
        for (let r = 0; r < set.length; r++) {
            const pattern = set[r];
            const shape = partial ? undefined : this.#shapes[r];
            // level 2 does not change a path of one portion
            const hit = shape === 'base' ?
                portionMatch(pattern[0], filename)
                : shape ? this.#matchShape(resolved, pattern, shape)
                    : options.matchBase && pattern.length === 1 ?
                        this.#matchRow([filename], [filename], pattern, partial)
                        : this.#matchRow(ff, resolved, pattern, partial);
            if (hit) {
                if (options.flipNegate) {
                    return true;
                }
                return !this.negate;
            }
        }
        // didn't get any hits.  this is success if it's a negative
        // pattern, failure otherwise.
        if (options.flipNegate) {
            return false;
        }
        return this.negate;
    }
    static defaults(def) {
        return minimatch.defaults(def).Minimatch;
    }
}
/* c8 ignore start */


/* c8 ignore stop */
minimatch.Minimatch = Minimatch;
minimatch.escape = escape_escape;
minimatch.unescape = unescape_unescape;
//# sourceMappingURL=index.js.map

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat */
/******/ 
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = new URL('.', import.meta.url).pathname.slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(7646);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
