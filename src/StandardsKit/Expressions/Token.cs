namespace StandardsKit.Expressions;

internal enum TokenKind
{
    End,
    Identifier,
    Integer,
    Decimal,
    String,
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    Comma,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Plus,
    Minus,
    Star,
    Slash,
    And,
    Or,
    Not,
    In,
    True,
    False,
}

internal readonly record struct Token(TokenKind Kind, string Text, int Start, int Length);
