"""Which addresses a download may reach: public unicast only, plus what the operator allows."""

from __future__ import annotations

import ipaddress

import pytest

from bossbot.egress.addresses import AddressPolicy, embedded_v4, is_public

PUBLIC = ["8.8.8.8", "93.184.215.14", "2606:4700::1111", "2a00:1450:4001::200e",
          "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1"]  # fmt: skip
NOT_PUBLIC = [
    "127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "100.64.0.1", "169.254.169.254",
    "0.0.0.0", "192.0.0.1", "192.0.0.9", "192.0.2.1", "198.18.0.1", "198.51.100.7", "203.0.113.9",
    "224.0.0.1", "240.0.0.1", "255.255.255.255", "192.88.99.1",
    "::1", "::", "fe80::1", "fc00::1", "fd00:ec2::254", "ff02::1",
    "::7f00:1", "::127.0.0.1",  # IPv4-compatible (::/96): deprecated, refused outright
    "::ffff:0:127.0.0.1",  # IPv4-translated (::ffff:0:0:0/96)
    "::ffff:127.0.0.1", "::ffff:10.0.0.1",  # IPv4-mapped: judged by the IPv4 inside
    "64:ff9b::7f00:1",  # NAT64 well-known prefix carrying loopback
    "64:ff9b:1::7f00:1",  # local-use NAT64 (64:ff9b:1::/48)
    "2002:7f00:1::",  # 6to4 carrying loopback
    "2001::1", "2001:db8::1", "3fff::1",  # Teredo, documentation
]  # fmt: skip


@pytest.mark.parametrize("address", PUBLIC)
def test_public_unicast_is_public(address: str) -> None:
    assert is_public(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", NOT_PUBLIC)
def test_every_special_range_and_its_ipv6_disguises_are_not(address: str) -> None:
    assert not is_public(ipaddress.ip_address(address))
    assert not AddressPolicy().allows(ipaddress.ip_address(address))


def test_the_ipv4_inside_an_ipv6_form_is_found() -> None:
    assert embedded_v4(ipaddress.ip_address("::ffff:1.2.3.4")) == ipaddress.IPv4Address("1.2.3.4")
    assert embedded_v4(ipaddress.ip_address("64:ff9b::102:304")) == ipaddress.IPv4Address("1.2.3.4")
    assert embedded_v4(ipaddress.ip_address("2002:102:304::")) == ipaddress.IPv4Address("1.2.3.4")
    assert embedded_v4(ipaddress.ip_address("2606:4700::1")) is None
    assert embedded_v4(ipaddress.ip_address("1.2.3.4")) is None


def test_true_allows_private_addresses_but_never_cloud_metadata() -> None:
    policy = AddressPolicy.parse("true")
    for address in ("127.0.0.1", "10.0.0.1", "::1", "::ffff:127.0.0.1"):
        assert policy.allows(ipaddress.ip_address(address))
    for address in ("169.254.169.254", "::ffff:169.254.169.254", "fd00:ec2::254"):
        assert not policy.allows(ipaddress.ip_address(address))


def test_a_list_allows_its_networks_in_every_form_and_nothing_else() -> None:
    policy = AddressPolicy.parse(" 127.0.0.1/32 , 10.0.0.0/8 ")
    assert policy.networks == (
        ipaddress.ip_network("127.0.0.1/32"),
        ipaddress.ip_network("10.0.0.0/8"),
    )
    for address in ("127.0.0.1", "::ffff:127.0.0.1", "10.200.0.1", "8.8.8.8"):
        assert policy.allows(ipaddress.ip_address(address))
    for address in ("127.0.0.2", "::1", "192.168.0.1"):
        assert not policy.allows(ipaddress.ip_address(address))
    assert policy.describe() == "127.0.0.1/32,10.0.0.0/8"


@pytest.mark.parametrize("text", ["", "false", "no", "0", "off"])
def test_false_and_friends_allow_public_addresses_only(text: str) -> None:
    assert AddressPolicy.parse(text) == AddressPolicy()
    assert AddressPolicy.parse(text).describe() == "false"


def test_a_bad_entry_is_named() -> None:
    with pytest.raises(ValueError, match="'intranet' is not an address or network"):
        AddressPolicy.parse("127.0.0.1,intranet")
