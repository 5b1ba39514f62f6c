from app.demo import demo_logins


def test_seed_demo_refuses_to_load_twice_and_prints_the_logins(app):
    result = app.test_cli_runner().invoke(args=["seed-demo"])
    assert result.exit_code == 0
    assert "already holds data" in result.output
    for email, _role in demo_logins():
        assert email in result.output


def test_create_user_refuses_a_weak_password(app):
    result = app.test_cli_runner().invoke(
        args=[
            "create-user",
            "--email",
            "nieuw@fabriek.test",
            "--name",
            "Nieuw",
            "--role",
            "manager",
        ],
        input="kort\nkort\n",
    )
    assert result.exit_code != 0
    assert "Minstens 10 tekens." in result.output
