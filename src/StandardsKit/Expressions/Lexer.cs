using StandardsKit.Diagnostics;

namespace StandardsKit.Expressions;

internal static class Lexer
{
    private static readonly Dictionary<string, TokenKind> Keywords = new(StringComparer.Ordinal)
    {
        ["and"] = TokenKind.And,
        ["or"] = TokenKind.Or,
        ["not"] = TokenKind.Not,
        ["in"] = TokenKind.In,
        ["true"] = TokenKind.True,
        ["false"] = TokenKind.False,
    };

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length)
            {
                tokens.Add(new Token(TokenKind.End, "", text.Length, 0));
                return tokens;
            }

            var start = i;
            var c = text[i];
            if (char.IsAsciiLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                var word = text[start..i];
                tokens.Add(new Token(Keywords.GetValueOrDefault(word, TokenKind.Identifier), word, start, i - start));
                continue;
            }

            if (char.IsAsciiDigit(c))
            {
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }

                var kind = TokenKind.Integer;
                if (i + 1 < text.Length && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
                {
                    kind = TokenKind.Decimal;
                    i++;
                    while (i < text.Length && char.IsAsciiDigit(text[i]))
                    {
                        i++;
                    }
                }

                if (i - start > 28)
                {
                    throw Error(start, "number literal is too long", "numbers have at most 28 digits");
                }

                tokens.Add(new Token(kind, text[start..i], start, i - start));
                continue;
            }

            if (c == '"')
            {
                i++;
                var sb = new System.Text.StringBuilder();
                while (i < text.Length && text[i] != '"')
                {
                    if (text[i] == '\\' && i + 1 < text.Length && (text[i + 1] == '"' || text[i + 1] == '\\'))
                    {
                        i++;
                    }

                    sb.Append(text[i]);
                    i++;
                }

                if (i >= text.Length)
                {
                    throw Error(start, "unterminated string literal", "close the string with \"");
                }

                i++;
                tokens.Add(new Token(TokenKind.String, sb.ToString(), start, i - start));
                continue;
            }

            var two = i + 1 < text.Length ? text.Substring(i, 2) : "";
            TokenKind? op = two switch
            {
                "==" => TokenKind.Equal,
                "!=" => TokenKind.NotEqual,
                "<=" => TokenKind.LessOrEqual,
                ">=" => TokenKind.GreaterOrEqual,
                _ => null,
            };
            if (op is { } twoChar)
            {
                tokens.Add(new Token(twoChar, two, start, 2));
                i += 2;
                continue;
            }

            TokenKind single = c switch
            {
                '(' => TokenKind.LeftParen,
                ')' => TokenKind.RightParen,
                '[' => TokenKind.LeftBracket,
                ']' => TokenKind.RightBracket,
                ',' => TokenKind.Comma,
                '<' => TokenKind.Less,
                '>' => TokenKind.Greater,
                '+' => TokenKind.Plus,
                '-' => TokenKind.Minus,
                '*' => TokenKind.Star,
                '/' => TokenKind.Slash,
                _ => throw c switch
                {
                    '=' => Error(start, "'=' is not an operator", "use '==' to compare"),
                    '&' => Error(start, "'&' is not an operator", "use 'and'"),
                    '|' => Error(start, "'|' is not an operator", "use 'or'"),
                    '!' => Error(start, "'!' is not an operator", "use 'not' or '!='"),
                    '\'' => Error(start, "strings use double quotes", "write \"…\" inside the YAML value, e.g. when: 'within(hukou, \"310000\")'"),
                    _ => Error(start, $"unexpected character '{c}'", null),
                },
            };
            tokens.Add(new Token(single, c.ToString(), start, 1));
            i++;
        }
    }

    private static ExpressionException Error(int offset, string message, string? help) =>
        new(new ExpressionError(DiagnosticCodes.ExpressionSyntax, offset, message, help));
}
