using StandardsKit.Expressions;
using static StandardsKit.Tests.Expressions.ExpressionHarness;

namespace StandardsKit.Tests.Expressions;

public class ExpressionErrorTests
{
    [Fact]
    public void Unknown_fact_is_reported_at_its_offset_with_a_suggestion()
    {
        var error = ErrorOf("agee >= 65");

        error.Code.Should().Be("SK0102");
        error.Offset.Should().Be(0);
        error.Message.Should().Contain("'agee'");
        error.Help.Should().Be("did you mean 'age'?");
    }

    [Fact]
    public void Unknown_fact_later_in_the_expression_is_reported_at_its_own_offset()
    {
        var error = ErrorOf("pregnant and pregnnat");

        error.Code.Should().Be("SK0102");
        error.Offset.Should().Be(13);
        error.Help.Should().Be("did you mean 'pregnant'?");
    }

    [Fact]
    public void Unknown_fact_far_from_every_name_gets_the_declare_it_help()
    {
        var error = ErrorOf("zzzzzzzzzzzz");

        error.Code.Should().Be("SK0102");
        error.Help.Should().Contain("facts.yaml");
    }

    [Fact]
    public void Comparing_a_number_fact_with_a_string_is_a_type_error()
    {
        var error = ErrorOf("age >= \"x\"");

        error.Code.Should().Be("SK0103");
        error.Offset.Should().Be(0);
        error.Message.Should().Contain("'>='").And.Contain("two numbers or two dates");
    }

    [Fact]
    public void Using_a_number_as_a_condition_is_a_type_error()
    {
        var error = ErrorOf("pregnant and age");

        error.Code.Should().Be("SK0103");
        error.Offset.Should().Be(13);
        error.Message.Should().Contain("'and' needs true or false");
    }

    [Fact]
    public void Whole_expression_that_is_not_a_condition_is_a_type_error()
    {
        var error = ErrorOf("age + 1");

        error.Code.Should().Be("SK0103");
        error.Message.Should().Contain("a condition must be true or false");
    }

    [Fact]
    public void Misspelt_enum_value_is_reported_at_the_literal_with_a_suggestion()
    {
        var error = ErrorOf("sex == \"femal\"");

        error.Code.Should().Be("SK0106");
        error.Offset.Should().Be(7);
        error.Message.Should().Contain("'femal'").And.Contain("female, male");
        error.Help.Should().Be("did you mean 'female'?");
    }

    [Fact]
    public void Unknown_set_member_in_has_is_an_enum_value_error()
    {
        var error = ErrorOf("has(militaryStatus, \"veteren\")");

        error.Code.Should().Be("SK0106");
        error.Offset.Should().Be(20);
        error.Help.Should().Be("did you mean 'veteran'?");
    }

    [Fact]
    public void Single_equals_is_a_syntax_error_pointing_at_the_operator()
    {
        var error = ErrorOf("age = 65");

        error.Code.Should().Be("SK0101");
        error.Offset.Should().Be(4);
        error.Help.Should().Be("use '==' to compare");
    }

    [Fact]
    public void Unterminated_string_is_a_syntax_error_at_the_opening_quote()
    {
        var error = ErrorOf("sex == \"female");

        error.Code.Should().Be("SK0101");
        error.Offset.Should().Be(7);
        error.Message.Should().Be("unterminated string literal");
    }

    [Fact]
    public void Single_quoted_strings_are_rejected_with_a_hint_about_double_quotes()
    {
        var error = ErrorOf("sex == 'female'");

        error.Code.Should().Be("SK0101");
        error.Offset.Should().Be(7);
        error.Message.Should().Contain("double quotes");
    }

    [Fact]
    public void Missing_closing_parenthesis_names_where_the_bracket_opened()
    {
        var error = ErrorOf("pregnant and (age >= 65");

        error.Code.Should().Be("SK0101");
        error.Offset.Should().Be(23);
        error.Help.Should().Contain("column 14");
    }

    [Fact]
    public void Chained_comparisons_are_a_syntax_error()
    {
        var error = ErrorOf("1 < age < 65");

        error.Code.Should().Be("SK0101");
        error.Offset.Should().Be(8);
        error.Message.Should().Contain("cannot be chained");
    }

    [Fact]
    public void Empty_expression_is_a_syntax_error()
    {
        var error = ErrorOf("   ");

        error.Code.Should().Be("SK0101");
        error.Offset.Should().Be(0);
    }

    [Fact]
    public void Invalid_date_literal_is_reported_at_the_string()
    {
        var error = ErrorOf("birthDate < date(\"2024-02-30\")");

        error.Code.Should().Be("SK0101");
        error.Offset.Should().Be(17);
        error.Message.Should().Contain("'2024-02-30' is not a date");
    }

    [Fact]
    public void Nesting_deeper_than_64_levels_is_an_expression_limit_error()
    {
        var deep = new string('(', 65) + "true" + new string(')', 65);

        var error = ErrorOf(deep);

        error.Code.Should().Be("SK0105");
        error.Offset.Should().Be(64);
        error.Message.Should().Contain("64");
    }

    [Fact]
    public void Nesting_of_exactly_64_levels_is_allowed()
    {
        var deep = new string('(', 64) + "true" + new string(')', 64);

        Eval(deep, StandardsKit.Engine.Resident.Empty).Bool.Should().BeTrue();
    }

    [Fact]
    public void Long_chains_of_not_count_towards_the_depth_limit()
    {
        var deep = string.Concat(Enumerable.Repeat("not ", 65)) + "true";

        ErrorOf(deep).Code.Should().Be("SK0105");
    }

    [Fact]
    public void Expression_longer_than_2000_characters_is_an_expression_limit_error()
    {
        var text = "true" + new string(' ', 1997);
        text.Length.Should().Be(2001);

        var error = ErrorOf(text);

        error.Code.Should().Be("SK0105");
        error.Offset.Should().Be(0);
        error.Message.Should().Contain("2001").And.Contain("2000");
    }

    [Fact]
    public void Expression_of_exactly_2000_characters_is_accepted()
    {
        var text = "true" + new string(' ', 1996);

        Compile(text).Text.Should().HaveLength(2000);
    }

    [Fact]
    public void Unknown_function_is_reported_with_the_closest_function_name()
    {
        var error = ErrorOf("pregnant or withn(hukou, \"310000\")");

        error.Code.Should().Be("SK0104");
        error.Offset.Should().Be(12);
        error.Message.Should().Contain("'withn'");
        error.Help.Should().Be("did you mean 'within'?");
    }

    [Fact]
    public void Unknown_function_far_from_every_name_lists_the_functions()
    {
        var error = ErrorOf("frobnicate(age)");

        error.Code.Should().Be("SK0104");
        error.Help.Should().StartWith("functions: ").And.Contain("within").And.Contain("hasAny");
    }

    [Fact]
    public void Wrong_argument_count_is_a_type_error()
    {
        var error = ErrorOf("within(hukou)");

        error.Code.Should().Be("SK0103");
        error.Message.Should().Contain("takes 2 arguments, not 1");
    }

    [Fact]
    public void Comparing_a_set_fact_with_equals_suggests_has()
    {
        var error = ErrorOf("militaryStatus == \"veteran\"");

        error.Code.Should().Be("SK0103");
        error.Help.Should().Contain("has(");
    }

    [Fact]
    public void Division_literal_that_is_not_six_digits_is_rejected()
    {
        var error = ErrorOf("within(hukou, \"3100\")");

        error.Code.Should().Be("SK0103");
        error.Offset.Should().Be(14);
    }

    [Fact]
    public void Division_by_literal_zero_is_rejected_at_compile_time()
    {
        var error = ErrorOf("residenceMonths / 0 >= 1");

        error.Code.Should().Be("SK0103");
        error.Offset.Should().Be(18);
        error.Message.Should().Be("division by zero");
    }

    [Fact]
    public void Compiled_expression_lists_the_facts_it_reads_in_first_use_order()
    {
        var compiled = Compile("pregnant and age >= 18 and not pregnant");

        compiled.Facts.Should().Equal("pregnant", "age");
        compiled.Parts.Should().HaveCount(3);
        compiled.Parts.Select(p => p.Offset).Should().Equal(0, 13, 27);
    }
}
