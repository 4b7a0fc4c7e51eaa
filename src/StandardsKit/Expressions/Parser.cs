using System.Collections.Immutable;
using System.Globalization;
using StandardsKit.Diagnostics;

namespace StandardsKit.Expressions;

/// <summary>Recursive-descent parser; precedence from loosest: or, and, not, comparison/in, + -, * /, unary -.</summary>
internal sealed class Parser
{
    private readonly List<Token> _tokens;
    private readonly string _text;
    private int _position;
    private int _depth;

    private Parser(string text)
    {
        _text = text;
        _tokens = Lexer.Tokenize(text);
    }

    public static Expr Parse(string text)
    {
        if (text.Length > ExpressionLimits.MaxLength)
        {
            throw new ExpressionException(new ExpressionError(DiagnosticCodes.ExpressionLimit, 0,
                $"expression is {text.Length} characters long; the limit is {ExpressionLimits.MaxLength}",
                "split the rule into tiers or simplify it"));
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw Error(0, "expression is empty", "write a condition such as 'age >= 65', or 'true' for every resident");
        }

        var parser = new Parser(text);
        var expr = parser.ParseOr();
        if (parser.Current.Kind != TokenKind.End)
        {
            throw Error(parser.Current.Start, $"unexpected '{parser.Current.Text}' after a complete expression",
                "join conditions with 'and' or 'or'");
        }

        return expr;
    }

    private Token Current => _tokens[_position];

    private Token Advance() => _tokens[_position++];

    private Expr ParseOr()
    {
        var left = ParseAnd();
        while (Current.Kind == TokenKind.Or)
        {
            Advance();
            var right = ParseAnd();
            left = new BinaryExpr(BinaryOp.Or, left, right, left.Start, End(right) - left.Start);
        }

        return left;
    }

    private Expr ParseAnd()
    {
        var left = ParseNot();
        while (Current.Kind == TokenKind.And)
        {
            Advance();
            var right = ParseNot();
            left = new BinaryExpr(BinaryOp.And, left, right, left.Start, End(right) - left.Start);
        }

        return left;
    }

    private Expr ParseNot()
    {
        if (Current.Kind == TokenKind.Not)
        {
            var start = Advance().Start;
            Enter(start);
            var operand = ParseNot();
            _depth--;
            return new UnaryExpr(UnaryOp.Not, operand, start, End(operand) - start);
        }

        return ParseComparison();
    }

    private Expr ParseComparison()
    {
        var left = ParseAdditive();
        BinaryOp? op = Current.Kind switch
        {
            TokenKind.Equal => BinaryOp.Equal,
            TokenKind.NotEqual => BinaryOp.NotEqual,
            TokenKind.Less => BinaryOp.Less,
            TokenKind.LessOrEqual => BinaryOp.LessOrEqual,
            TokenKind.Greater => BinaryOp.Greater,
            TokenKind.GreaterOrEqual => BinaryOp.GreaterOrEqual,
            _ => null,
        };
        if (op is { } comparison)
        {
            Advance();
            var right = ParseAdditive();
            if (Current.Kind is TokenKind.Equal or TokenKind.NotEqual or TokenKind.Less or TokenKind.LessOrEqual
                or TokenKind.Greater or TokenKind.GreaterOrEqual)
            {
                throw Error(Current.Start, "comparisons cannot be chained", "write 'a <= x and x < b'");
            }

            return new BinaryExpr(comparison, left, right, left.Start, End(right) - left.Start);
        }

        if (Current.Kind == TokenKind.In)
        {
            Advance();
            var list = ParseList();
            return new InExpr(left, list.Items, left.Start, End(list) - left.Start);
        }

        if (Current.Kind == TokenKind.Not && Peek(1).Kind == TokenKind.In)
        {
            var notStart = Advance().Start;
            Advance();
            var list = ParseList();
            var inExpr = new InExpr(left, list.Items, left.Start, End(list) - left.Start);
            return new UnaryExpr(UnaryOp.Not, inExpr, notStart, End(list) - notStart);
        }

        return left;
    }

    private Expr ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (Current.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var op = Advance().Kind == TokenKind.Plus ? BinaryOp.Add : BinaryOp.Subtract;
            var right = ParseMultiplicative();
            left = new BinaryExpr(op, left, right, left.Start, End(right) - left.Start);
        }

        return left;
    }

    private Expr ParseMultiplicative()
    {
        var left = ParseUnary();
        while (Current.Kind is TokenKind.Star or TokenKind.Slash)
        {
            var op = Advance().Kind == TokenKind.Star ? BinaryOp.Multiply : BinaryOp.Divide;
            var right = ParseUnary();
            left = new BinaryExpr(op, left, right, left.Start, End(right) - left.Start);
        }

        return left;
    }

    private Expr ParseUnary()
    {
        if (Current.Kind == TokenKind.Minus)
        {
            var start = Advance().Start;
            Enter(start);
            var operand = ParseUnary();
            _depth--;
            return new UnaryExpr(UnaryOp.Negate, operand, start, End(operand) - start);
        }

        return ParsePrimary();
    }

    private Expr ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.True:
            case TokenKind.False:
                Advance();
                return new LiteralExpr(Value.Of(token.Kind == TokenKind.True), token.Start, token.Length);
            case TokenKind.Integer:
            case TokenKind.Decimal:
                Advance();
                return new LiteralExpr(Value.Of(decimal.Parse(token.Text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture)),
                    token.Start, token.Length);
            case TokenKind.String:
                Advance();
                return new LiteralExpr(Value.Of(token.Text), token.Start, token.Length);
            case TokenKind.LeftBracket:
                return ParseList();
            case TokenKind.LeftParen:
            {
                Advance();
                Enter(token.Start);
                var inner = ParseOr();
                _depth--;
                var close = Expect(TokenKind.RightParen, "')'", token.Start);

                // The span covers the parentheses so explanations quote "(a or b)" whole.
                return inner with { Start = token.Start, Length = close.Start + 1 - token.Start };
            }

            case TokenKind.Identifier when Peek(1).Kind == TokenKind.LeftParen:
                return ParseCall();
            case TokenKind.Identifier:
                Advance();
                return new FactExpr(token.Text, token.Start, token.Length);
            case TokenKind.End:
                throw Error(token.Start, "expression ends where a value was expected", "complete the condition");
            default:
                throw Error(token.Start, $"unexpected '{token.Text}' where a value was expected", null);
        }
    }

    private Expr ParseCall()
    {
        var name = Advance();
        Advance(); // '('
        Enter(name.Start);
        var arguments = ImmutableArray.CreateBuilder<Expr>();
        if (Current.Kind != TokenKind.RightParen)
        {
            arguments.Add(ParseOr());
            while (Current.Kind == TokenKind.Comma)
            {
                Advance();
                arguments.Add(ParseOr());
            }
        }

        _depth--;
        var close = Expect(TokenKind.RightParen, "')' or ','", name.Start);
        var length = close.Start + 1 - name.Start;

        // date("YYYY-MM-DD") is the date literal: folded here so a bad date is a syntax error at its place.
        if (name.Text == "date")
        {
            if (arguments.Count != 1 || arguments[0] is not LiteralExpr { Value.Kind: ValueKind.String } literal)
            {
                throw Error(name.Start, "date(…) takes one string such as \"2024-06-01\"", null);
            }

            if (!DateOnly.TryParseExact(literal.Value.Text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw Error(literal.Start, $"'{literal.Value.Text}' is not a date", "write the date as \"YYYY-MM-DD\"");
            }

            return new LiteralExpr(Value.Of(date), name.Start, length);
        }

        return new CallExpr(name.Text, arguments.ToImmutable(), name.Start, length);
    }

    private ListExpr ParseList()
    {
        var open = Expect(TokenKind.LeftBracket, "'['", Current.Start);
        Enter(open.Start);
        var items = ImmutableArray.CreateBuilder<Expr>();
        if (Current.Kind != TokenKind.RightBracket)
        {
            items.Add(ParseOr());
            while (Current.Kind == TokenKind.Comma)
            {
                Advance();
                items.Add(ParseOr());
                if (items.Count > ExpressionLimits.MaxListLength)
                {
                    throw new ExpressionException(new ExpressionError(DiagnosticCodes.ExpressionLimit, open.Start,
                        $"list has more than {ExpressionLimits.MaxListLength} elements", "use a set fact or split the rule"));
                }
            }
        }

        _depth--;
        var close = Expect(TokenKind.RightBracket, "']' or ','", open.Start);
        return new ListExpr(items.ToImmutable(), open.Start, close.Start + 1 - open.Start);
    }

    private Token Expect(TokenKind kind, string what, int openedAt)
    {
        if (Current.Kind != kind)
        {
            var found = Current.Kind == TokenKind.End ? "the end of the expression" : $"'{Current.Text}'";
            throw Error(Current.Start, $"expected {what} but found {found}", $"check the bracket opened at column {openedAt + 1} of the expression");
        }

        return Advance();
    }

    private Token Peek(int ahead) => _tokens[Math.Min(_position + ahead, _tokens.Count - 1)];

    private void Enter(int offset)
    {
        if (++_depth > ExpressionLimits.MaxDepth)
        {
            throw new ExpressionException(new ExpressionError(DiagnosticCodes.ExpressionLimit, offset,
                $"expression nests deeper than {ExpressionLimits.MaxDepth} levels", "flatten the condition"));
        }
    }

    private static int End(Expr e) => e.Start + e.Length;

    private static ExpressionException Error(int offset, string message, string? help) =>
        new(new ExpressionError(DiagnosticCodes.ExpressionSyntax, offset, message, help));

    public override string ToString() => _text;
}
