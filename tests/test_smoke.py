def test_home_renders(client, home_page, programme_page):
    response = client.get("/")
    assert response.status_code == 200
