"""The fake Discord drives a real hikari GatewayBot and lightbulb client, and stays honest.

The first tests check the fake's pieces on their own (spec validator, payloads
through hikari's own deserialisers, faults); the rest start a real bot against it.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from unittest import mock

import aiohttp
import hikari
import lightbulb
import pytest
import pytest_asyncio
from hikari.impl import EntityFactoryImpl

from tests.fakes.discord import EPHEMERAL, LOADING, FakeDiscord
from tests.fakes.discord import payloads as fake_payloads
from tests.fakes.discord.fixtures import _fail_on_violations
from tests.fakes.discord.ids import BOT_ID
from tests.fakes.discord.interactions import interaction
from tests.fakes.discord.messages import message
from tests.fakes.discord.validator import Validator
from tests.fakes.discord.world import Role, World, default_roles

INTENTS = hikari.Intents.GUILDS | hikari.Intents.GUILD_MESSAGES | hikari.Intents.MESSAGE_CONTENT
TOKEN = "MTE4MDAwMDAwMDAwMDAwMDAwMQ==.Gabc.def"


# -- the spec validator -----------------------------------------------------------------------


def test_validator_rejects_a_body_that_breaks_the_schema() -> None:
    verdict = Validator(TOKEN).check(
        "POST",
        "/channels/1/messages",
        authorization=f"Bot {TOKEN}",
        content_type="application/json",
        body={"content": 5, "embeds": "nope"},
        has_body=True,
    )

    assert verdict.status == 400
    assert any("content" in problem for problem in verdict.problems)
    assert any("embeds" in problem for problem in verdict.problems)


def test_validator_rejects_an_unknown_route_and_a_wrong_method() -> None:
    validator = Validator(TOKEN)

    unknown_route = validator.check("GET", "/channels/1/mesages", authorization=f"Bot {TOKEN}")
    wrong_method = validator.check("PUT", "/channels/1/messages/2", authorization=f"Bot {TOKEN}")

    assert (unknown_route.status, unknown_route.template) == (404, None)
    assert "no such route" in unknown_route.problems[0]
    assert wrong_method.status == 405


def test_validator_checks_path_parameters_query_names_and_the_token() -> None:
    verdict = Validator(TOKEN).check("GET", "/channels/abc/messages", query=["limit", "colour"])

    problems = " ".join(verdict.problems)
    assert "channel_id='abc'" in problems
    assert "unknown query parameter 'colour'" in problems
    assert "missing Authorization" in problems


def test_validator_allows_ten_files_and_refuses_an_eleventh() -> None:
    fields = ["payload_json", *(f"files[{i}]" for i in range(11))]
    verdict = Validator(TOKEN).check(
        "POST",
        "/channels/1/messages",
        authorization=f"Bot {TOKEN}",
        content_type="multipart/form-data; boundary=x",
        body={"content": "files", "attachments": [{"id": 0, "filename": "a.bin"}]},
        has_body=True,
        form_fields=fields,
    )

    assert verdict.problems == [
        "POST /channels/{channel_id}/messages: multipart part 'files[10]' is not allowed"
    ]


def test_validator_accepts_what_the_docs_allow_but_the_spec_types_narrowly() -> None:
    verdict = Validator(TOKEN).check(
        "PUT",
        "/applications/1/guilds/2/commands",
        authorization=f"Bot {TOKEN}",
        content_type="application/json",
        body=[{"name": "dl", "description": "d", "default_member_permissions": "8192"}],
        has_body=True,
    )

    assert verdict.problems == []


async def test_an_invalid_request_is_answered_400_and_recorded() -> None:
    async with FakeDiscord() as fake, aiohttp.ClientSession() as http:
        headers = {"Authorization": f"Bot {fake.token}"}
        url = f"{fake.rest_url}/channels/{fake.channel_id}/messages"
        async with http.post(url, json={"content": ["not", "text"]}, headers=headers) as bad:
            bad_body = await bad.json()
        async with http.get(f"{fake.rest_url}/no/such/route", headers=headers) as unknown:
            unknown_status = unknown.status

    assert (bad.status, bad_body["code"]) == (400, 50035)
    assert unknown_status == 404
    assert len(fake.violations) == 2
    assert fake.requests[0].problems
    assert fake.messages() == []


# -- payloads read by hikari's own deserialisers --------------------------------------------


@pytest.fixture
def factory() -> EntityFactoryImpl:
    return EntityFactoryImpl(app=mock.Mock())


def test_gateway_guild_and_application_deserialise_in_hikari(factory: EntityFactoryImpl) -> None:
    world = World(premium_tier=2)

    guild = factory.deserialize_gateway_guild(
        fake_payloads.gateway_guild(world), user_id=world.bot_id
    )
    application = factory.deserialize_application(fake_payloads.application(world))
    me = factory.deserialize_my_user(fake_payloads.my_user(world))

    assert guild.guild().premium_tier == hikari.GuildPremiumTier.TIER_2
    assert {role.name for role in guild.roles().values()} >= {"@everyone", "Moderator", "Trusted"}
    assert list(guild.channels()) == [world.channel_id]
    assert list(guild.members()) == [world.bot_id]
    assert application.id == me.id == world.bot_id
    assert me.is_bot


def test_messages_and_interactions_deserialise_in_hikari(factory: EntityFactoryImpl) -> None:
    world = World()
    author = fake_payloads.user(world, 42)
    button = {
        "type": 1,
        "id": 1,
        "components": [{"type": 2, "id": 2, "style": 1, "custom_id": "b"}],
    }
    posted = message(message_id=7, channel_id=world.channel_id, author=author, components=[button])
    posted.update(
        guild_id=str(world.guild_id), member=fake_payloads.member(world, 42, [], with_user=False)
    )
    command = {"id": "9", "name": "dl", "type": 1, "guild_id": str(world.guild_id), "options": []}
    slash = interaction(world, 2, command, user_id=42, roles=[], attachment_size_limit=1234)
    click = interaction(
        world, 3, {"custom_id": "b", "component_type": 2}, user_id=42, roles=[], message=posted
    )

    parsed = factory.deserialize_message(posted)
    command_interaction = factory.deserialize_command_interaction(slash)
    component = factory.deserialize_component_interaction(click)

    assert parsed.member is not None
    assert parsed.member.id == 42
    assert command_interaction.attachment_size_limit == 1234
    assert command_interaction.registered_guild_id == world.guild_id
    assert component.message.components[0].components[0].custom_id == "b"


# -- a real hikari bot with a real lightbulb client -----------------------------------------


class Ping(lightbulb.SlashCommand, name="ping", description="Answers pong"):
    @lightbulb.invoke
    async def invoke(self, ctx: lightbulb.Context) -> None:
        await ctx.respond("pong")


async def _suggest(ctx: lightbulb.AutocompleteContext[str]) -> None:
    typed = str(ctx.focused.value)
    await ctx.respond([f"{typed}-one", f"{typed}-two"])


class Slow(lightbulb.SlashCommand, name="slow", description="Defers, then answers"):
    size = lightbulb.integer("size", "Bytes to attach", default=0)

    @lightbulb.invoke
    async def invoke(self, ctx: lightbulb.Context) -> None:
        await ctx.defer()
        if self.size:
            await ctx.respond("file", attachment=hikari.Bytes(b"x" * self.size, "file.bin"))
        else:
            await ctx.respond("done")


class Echo(lightbulb.SlashCommand, name="echo", description="Repeats text"):
    text = lightbulb.string("text", "What to repeat", autocomplete=_suggest)
    loud = lightbulb.boolean("loud", "Shout it", default=False)

    @lightbulb.invoke
    async def invoke(self, ctx: lightbulb.Context) -> None:
        await ctx.respond(self.text.upper() if self.loud else self.text, ephemeral=True)


async def _on_message(event: hikari.GuildMessageCreateEvent) -> None:
    if event.is_human and event.content == "!ping":
        await event.message.respond("pong")


async def _on_click(event: hikari.InteractionCreateEvent) -> None:
    if isinstance(event.interaction, hikari.ComponentInteraction):
        await event.interaction.create_initial_response(
            hikari.ResponseType.MESSAGE_UPDATE, "clicked", components=[]
        )


async def start_bot(fake: FakeDiscord, intents: hikari.Intents = INTENTS) -> hikari.GatewayBot:
    bot = hikari.GatewayBot(
        token=fake.token, rest_url=fake.rest_url, intents=intents, banner=None, logs=None
    )
    client = lightbulb.client_from_app(bot, default_enabled_guilds=[fake.guild_id])
    client.register(Ping)
    client.register(Echo)
    client.register(Slow)
    bot.subscribe(hikari.StartingEvent, client.start)
    bot.subscribe(hikari.StoppingEvent, client.stop)
    bot.subscribe(hikari.GuildMessageCreateEvent, _on_message)
    bot.subscribe(hikari.InteractionCreateEvent, _on_click)
    await bot.start(check_for_updates=False)
    return bot


@pytest_asyncio.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    async with FakeDiscord(check_responses=True) as server:
        yield server
    assert server.violations == []
    assert server.response_problems == []


@pytest_asyncio.fixture
async def bot(fake: FakeDiscord) -> AsyncIterator[hikari.GatewayBot]:
    started = await start_bot(fake)
    yield started
    await started.close()


async def test_commands_are_synced_to_the_guild(fake: FakeDiscord, bot: hikari.GatewayBot) -> None:
    synced = {c["name"]: c for c in fake.synced_commands(fake.guild_id)}

    assert fake.synced_commands() == []
    assert set(synced) == {"ping", "echo", "slow"}
    assert synced["ping"]["description"] == "Answers pong"
    options = [
        (o["name"], o["type"], o.get("required"), o.get("autocomplete"))
        for o in synced["echo"]["options"]
    ]
    assert options == [("text", 3, True, True), ("loud", 5, False, None)]
    put = await fake.wait_for(
        "PUT", rf"/applications/{fake.application_id}/guilds/{fake.guild_id}/commands"
    )
    assert put.status == 200


async def test_a_prefix_message_gets_a_rest_reply(
    fake: FakeDiscord, bot: hikari.GatewayBot
) -> None:
    sent = await fake.send_message("!ping", roles=[fake.role_ids["Trusted"]])

    reply = await fake.wait_for("POST", r"/channels/\d+/messages$")

    assert reply.json["content"] == "pong"
    assert [m["content"] for m in fake.bot_messages()] == ["pong"]
    assert sent["member"]["roles"] == [str(fake.role_ids["Trusted"])]


async def test_a_slash_command_gets_an_interaction_callback(
    fake: FakeDiscord, bot: hikari.GatewayBot
) -> None:
    sent = await fake.send_slash("ping")

    callback = await fake.wait_for("POST", rf"/interactions/{sent['id']}/.+/callback")

    assert callback.query == {"with_response": "true"}
    assert callback.json["type"] == 4
    assert callback.json["data"]["content"] == "pong"
    answer = fake.bot_messages()[-1]
    assert (answer["content"], answer["type"]) == ("pong", 20)
    assert answer["interaction_metadata"]["id"] == sent["id"]
    assert fake.interaction(sent["id"]).original_id == int(answer["id"])


async def test_options_by_name_autocomplete_and_ephemeral_answers(
    fake: FakeDiscord, bot: hikari.GatewayBot
) -> None:
    typed = await fake.send_autocomplete("echo", {"text": "he"})
    await fake.wait_for("POST", rf"/interactions/{typed['id']}/")
    used = await fake.send_slash("echo", {"text": "hello", "loud": True})
    await fake.wait_for("POST", rf"/interactions/{used['id']}/")

    choices = fake.interaction(typed["id"]).responses[0]["data"]["choices"]
    assert [c["value"] for c in choices] == ["he-one", "he-two"]
    answer = fake.bot_messages()[-1]
    assert answer["content"] == "HELLO"
    assert answer["flags"] & EPHEMERAL


async def test_after_a_gateway_drop_the_bot_resumes_gets_missed_events_and_answers(
    fake: FakeDiscord, bot: hikari.GatewayBot
) -> None:
    await fake.drop_gateway(wait=False)
    await fake.send_message("!ping")  # while the bot is away: replayed on RESUME

    how = await fake.wait_handshake(2)
    await fake.wait_for("POST", r"/channels/\d+/messages$")

    assert how == "RESUME"
    assert fake.handshakes == ["IDENTIFY", "RESUME"]
    assert [m["content"] for m in fake.bot_messages()] == ["pong"]


async def test_a_429_on_message_create_is_retried_and_lands_once(
    fake: FakeDiscord, bot: hikari.GatewayBot
) -> None:
    fault = fake.inject("POST", r"/channels/\d+/messages$", 429, retry_after=0.05)

    await fake.send_message("!ping")
    await fake.wait_for(
        lambda r: r.method == "POST" and r.status == 200 and r.path.endswith("/messages")
    )

    statuses = [r.status for r in fake.find_requests("POST", r"/channels/\d+/messages$")]
    assert statuses == [429, 200]
    assert fault.hits == 1
    assert [m["content"] for m in fake.bot_messages()] == ["pong"]


async def test_past_the_nonce_window_a_repeated_nonce_posts_again(
    fake: FakeDiscord, bot: hikari.GatewayBot
) -> None:
    first = await bot.rest.create_message(fake.channel_id, "clip", nonce="job-8-upload")
    fake.forget_nonces()
    again = await bot.rest.create_message(fake.channel_id, "clip", nonce="job-8-upload")

    assert again.id != first.id
    assert len(fake.bot_messages()) == 2


async def test_messages_after_an_id_come_page_by_page_with_their_components(
    fake: FakeDiscord, bot: hikari.GatewayBot
) -> None:
    anchor = await bot.rest.create_message(fake.channel_id, "anchor")
    row = bot.rest.build_message_action_row().add_interactive_button(
        hikari.ButtonStyle.SECONDARY, "marker:1", label="Delete"
    )
    posted = [await bot.rest.create_message(fake.channel_id, f"m{n}") for n in range(120)]
    marked = await bot.rest.create_message(fake.channel_id, "marked", components=[row])

    seen = [m async for m in bot.rest.fetch_messages(fake.channel_id, after=anchor.id)]

    assert [m.id for m in seen] == [*(m.id for m in posted), marked.id]  # oldest first
    assert seen[-1].components[0].components[0].custom_id == "marker:1"
    pages = fake.find_requests("GET", r"/channels/\d+/messages$")
    assert [r.query.get("limit") for r in pages] == ["100", "100", "100"]  # the last is empty


async def test_injected_403_and_413_carry_discords_codes(
    fake: FakeDiscord, bot: hikari.GatewayBot
) -> None:
    fake.inject("POST", r"/messages$", 403)
    fake.inject("POST", r"/messages$", 413)

    with pytest.raises(hikari.ForbiddenError) as forbidden:
        await bot.rest.create_message(fake.channel_id, "x")
    with pytest.raises(hikari.ClientHTTPResponseError) as too_large:
        await bot.rest.create_message(fake.channel_id, "x")

    assert forbidden.value.code == 50013
    assert too_large.value.status == 413  # hikari parses no code for 413: read the body
    assert b"40005" in too_large.value.raw_body


async def test_uploads_keep_their_bytes_and_enforced_nonces_do_not_duplicate(
    fake: FakeDiscord, bot: hikari.GatewayBot
) -> None:
    data = bytes(range(256)) * 4
    first = await bot.rest.create_message(
        fake.channel_id, "clip", attachment=hikari.Bytes(data, "clip.mp4"), nonce="job-7-upload"
    )
    again = await bot.rest.create_message(
        fake.channel_id, "clip", attachment=hikari.Bytes(data, "clip.mp4"), nonce="job-7-upload"
    )

    stored = fake.bot_messages()
    assert again.id == first.id
    assert len(stored) == 1
    assert stored[0]["nonce"] == "job-7-upload"
    assert stored[0]["attachments"][0]["data"] == data
    assert stored[0]["attachments"][0]["content_type"] == "video/mp4"
    upload = fake.find_requests("POST", r"/messages$")[0]
    assert [(f.name, f.filename, f.data) for f in upload.files] == [("files[0]", "clip.mp4", data)]
    async with aiohttp.ClientSession() as http, http.get(first.attachments[0].url) as served:
        assert await served.read() == data


async def test_a_deleted_message_cannot_be_edited(
    fake: FakeDiscord, bot: hikari.GatewayBot
) -> None:
    posted = await bot.rest.create_message(fake.channel_id, "status: fetching")
    await bot.rest.delete_message(fake.channel_id, posted)

    with pytest.raises(hikari.NotFoundError) as gone:
        await bot.rest.edit_message(fake.channel_id, posted, "status: done")

    assert gone.value.code == 10008
    assert fake.bot_messages() == []


async def test_the_bot_may_only_hide_the_embeds_of_a_members_message(
    fake: FakeDiscord, bot: hikari.GatewayBot
) -> None:
    sent = await fake.send_message("look https://example.org/a")
    flags = hikari.MessageFlag.SUPPRESS_EMBEDS

    await bot.rest.edit_message(fake.channel_id, int(sent["id"]), flags=flags)
    with pytest.raises(hikari.ForbiddenError) as refused:
        await bot.rest.edit_message(fake.channel_id, int(sent["id"]), "rewritten")

    assert refused.value.code == 50005
    shown = fake.message(int(sent["id"]))
    assert (shown["flags"], shown["content"]) == (4, "look https://example.org/a")


async def test_hiding_embeds_needs_manage_messages(make_fake_discord) -> None:
    roles = [role for role in default_roles() if role.bot_id is None]
    fake = await make_fake_discord(roles=[*roles, Role("boss-bot", BOT_ID + 500, 0, 1, BOT_ID)])
    started = await start_bot(fake)
    try:
        sent = await fake.send_message("look https://example.org/a")
        with pytest.raises(hikari.ForbiddenError) as refused:
            await started.rest.edit_message(
                fake.channel_id, int(sent["id"]), flags=hikari.MessageFlag.SUPPRESS_EMBEDS
            )
    finally:
        await started.close()
    assert refused.value.code == 50013
    assert fake.message(int(sent["id"]))["flags"] == 0


async def test_a_deferred_answer_is_filled_by_the_first_followup(
    fake: FakeDiscord, bot: hikari.GatewayBot
) -> None:
    sent = await fake.send_slash("slow")

    deferral = await fake.wait_for("POST", rf"/interactions/{sent['id']}/")
    followup = await fake.wait_for("POST", rf"/webhooks/{fake.application_id}/")

    assert deferral.json["type"] == 5
    assert followup.query["wait"] == "true"
    [answer] = fake.bot_messages()
    assert answer["id"] == str(fake.interaction(sent["id"]).original_id)
    assert answer["content"] == "done"
    assert not answer["flags"] & LOADING


async def test_uploads_above_the_interaction_limit_are_refused_with_413(
    fake: FakeDiscord, bot: hikari.GatewayBot
) -> None:
    await fake.send_slash("slow", {"size": 1001}, attachment_size_limit=1000)

    upload = await fake.wait_for("POST", rf"/webhooks/{fake.application_id}/")

    assert upload.status == 413
    assert upload.files[0].data == b"x" * 1001
    assert fake.bot_messages()[0]["flags"] & LOADING


async def test_a_button_click_reaches_the_bot_and_updates_the_message(
    fake: FakeDiscord, bot: hikari.GatewayBot
) -> None:
    row = bot.rest.build_message_action_row().add_interactive_button(
        hikari.ButtonStyle.DANGER, "cancel:7", label="Cancel"
    )
    posted = await bot.rest.create_message(fake.channel_id, "downloading", component=row)

    sent = await fake.send_component("cancel:7", posted.id, roles=[fake.role_ids["Moderator"]])
    await fake.wait_for("POST", rf"/interactions/{sent['id']}/")

    assert sent["member"]["permissions"] != "0"
    assert fake.message(posted.id)["content"] == "clicked"
    assert fake.message(posted.id)["components"] == []


async def test_a_second_answer_to_one_interaction_is_refused(
    fake: FakeDiscord, bot: hikari.GatewayBot
) -> None:
    sent = await fake.send_slash("ping")
    await fake.wait_for("POST", r"/callback")

    with pytest.raises(hikari.BadRequestError) as twice:
        await bot.rest.create_interaction_response(
            sent["id"], sent["token"], hikari.ResponseType.MESSAGE_CREATE, "again"
        )

    assert twice.value.code == 40060


async def test_without_the_message_content_intent_the_bot_sees_no_content(
    fake: FakeDiscord,
) -> None:
    seen: list[str | None] = []
    both = asyncio.Event()

    async def record(event: hikari.GuildMessageCreateEvent) -> None:
        seen.append(event.content)
        if len(seen) == 2:
            both.set()

    bot = await start_bot(fake, hikari.Intents.GUILDS | hikari.Intents.GUILD_MESSAGES)
    try:
        bot.subscribe(hikari.GuildMessageCreateEvent, record)
        await fake.send_message("!ping")
        await fake.send_message(f"<@{fake.bot_id}> !ping")
        await asyncio.wait_for(both.wait(), 5)
    finally:
        await bot.close()

    assert seen == [None, f"<@{fake.bot_id}> !ping"]


async def test_wait_for_sees_past_requests_unless_asked_for_new_ones(
    fake: FakeDiscord, bot: hikari.GatewayBot
) -> None:
    past = await fake.wait_for("GET", r"^/gateway/bot$", timeout=0.1)

    with pytest.raises(AssertionError, match="no request matching GET"):
        await fake.wait_for("GET", r"^/gateway/bot$", timeout=0.1, new_only=True)
    assert past.status == 200


async def test_send_observers_see_each_event_before_the_bot_answers_it(
    fake: FakeDiscord, bot: hikari.GatewayBot
) -> None:
    sent_at: dict[str, float] = {}

    def observe(frame: dict, at: float) -> None:
        if frame.get("t") == "INTERACTION_CREATE":
            sent_at[frame["d"]["id"]] = at

    fake.gateway.observers.append(observe)

    sent = await fake.send_slash("ping")
    callback = await fake.wait_for("POST", rf"/interactions/{sent['id']}/.+/callback")

    assert sent_at[sent["id"]] <= callback.received_at


@pytest.mark.fake_discord(premium_tier=2)
async def test_the_fixtures_start_fakes_and_fail_on_violations(
    fake_discord: FakeDiscord, make_fake_discord
) -> None:
    rich = await make_fake_discord(premium_tier=3)

    assert rich.world.upload_limit == 100 * 1024**2
    assert fake_discord.world.upload_limit == 50 * 1024**2
    assert hikari.applications.get_token_id(rich.token) == rich.application_id
    rich.violations.append("GET /x: broken")
    with pytest.raises(pytest.fail.Exception, match="GET /x: broken"):
        _fail_on_violations([rich])
    rich.violations.clear()


async def test_injected_failures_answer_like_discord() -> None:
    async with FakeDiscord() as fake, aiohttp.ClientSession() as http:
        headers = {"Authorization": f"Bot {fake.token}"}
        url = f"{fake.rest_url}/channels/{fake.channel_id}"
        fake.inject("GET", r"^/channels/\d+$", 429, retry_after=2.5, global_=True)
        fake.inject("*", r"^/channels/", 503)
        async with http.get(url, headers=headers) as limited:
            limited_body = await limited.json()
        async with http.get(url, headers=headers) as down:
            down_status = down.status
        async with http.get(url, headers=headers) as fine:
            channel = await fine.json()

    assert limited.status == 429
    assert limited_body == {
        "message": "You are being rate limited.",
        "retry_after": 2.5,
        "global": True,
        "code": 0,
    }
    assert limited.headers["Retry-After"] == "3"
    assert limited.headers["X-RateLimit-Scope"] == "global"
    assert limited.headers["X-RateLimit-Remaining"] == "0"
    assert down_status == 503
    assert channel["id"] == str(fake.channel_id)
    assert fake.violations == []


async def test_late_answers_and_expired_tokens_are_refused() -> None:
    async with FakeDiscord(ack_deadline=0.0) as fake, aiohttp.ClientSession() as http:
        commands = (
            f"{fake.rest_url}/applications/{fake.application_id}/guilds/{fake.guild_id}/commands"
        )
        auth = {"Authorization": f"Bot {fake.token}"}
        async with http.put(commands, json=[{"name": "dl", "description": "d"}], headers=auth):
            pass
        late, expired = await fake.send_slash("dl"), await fake.send_slash("dl")
        callback = f"{fake.rest_url}/interactions/{late['id']}/{late['token']}/callback"
        async with http.post(callback, json={"type": 4, "data": {"content": "hi"}}) as too_late:
            late_body = await too_late.json()
        fake.interaction(expired["id"]).responses.append({"type": 5})  # it was deferred...
        fake.expire_interaction(expired["id"])  # ...15 minutes ago
        webhook = f"{fake.rest_url}/webhooks/{fake.application_id}/{expired['token']}?wait=true"
        async with http.post(webhook, json={"content": "done"}) as dead:
            dead_body = await dead.json()

    assert (too_late.status, late_body["code"]) == (404, 10062)
    assert (dead.status, dead_body["code"]) == (401, 50027)
    assert fake.violations == []


async def test_events_need_synced_commands_and_existing_components() -> None:
    async with FakeDiscord() as fake:
        with pytest.raises(LookupError, match="was not synced"):
            await fake.send_slash("dl")
        posted = await fake.send_message("hello")
        with pytest.raises(LookupError, match="no enabled component"):
            await fake.send_component("cancel:1", int(posted["id"]))
